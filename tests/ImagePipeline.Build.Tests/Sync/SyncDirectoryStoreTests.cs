using System.Security.Cryptography;
using System.Text.Json;
using ImagePipeline.Engine;

namespace ImagePipeline.Build.Tests.Sync;

/// <summary>The README's main job: Sync of the quick-start manifest into a local directory store.</summary>
public sealed class SyncDirectoryStoreTests : IDisposable
{
    private const string Manifest = "examples/quickstart/images.yaml";
    private readonly TestRepository _repo = new();

    public SyncDirectoryStoreTests() => _repo.CopyFromRepository("examples/quickstart");

    private string Store => _repo.Combine("store");

    [Fact]
    public async Task Sync_Quickstart_PublishesDecompressedImagesAndMetadata()
    {
        var run = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rootfs = Path.Combine(Store, "images", "tiny-rootfs", "2.3", "tiny-rootfs.raw");
        Assert.Equal("3b6336e614c00de5ac1826db61577d8b4107da1f86ac388320db64479a2a1fe2", Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(rootfs))));
        var metadata = File.ReadAllText(Path.Combine(Store, "metadata", "tiny-rootfs", "2.3", "tiny-rootfs.raw.json"));
        Assert.Contains("\"checksum\": \"sha256:3b6336e614c0", metadata, StringComparison.Ordinal);
        Assert.Contains("\"sourceChecksum\": \"sha256:", metadata, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_repo.Combine(".nuke", "temp", "runs")));
    }

    [Fact]
    public async Task Sync_SecondRun_ReportsEveryImageUnchanged()
    {
        await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store);

        var second = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store);

        Assert.True(second.ExitCode == 0, second.ToString());
        var uploads = second.Result.Steps.Where(s => s.Target == "Upload").ToList();
        Assert.Equal(3, uploads.Count);
        Assert.All(uploads, s => Assert.Equal(StepStatus.Skipped, s.Status));
        Assert.All(uploads, s => Assert.Equal("unchanged in store", s.Note));
    }

    [Fact]
    public async Task Sync_Force_ReuploadsUnchangedImage()
    {
        await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store);

        var forced = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store, "--force", "--image", "tiny-disk-1.0");

        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(StepStatus.Succeeded, forced.StatusOf("Upload", "tiny-disk-1.0"));
        Assert.DoesNotContain(forced.Result.Steps, s => s.Input == "tiny-rootfs-2.3");
    }

    [Fact]
    public async Task Sync_WrongChecksumForOneImage_FailsThatImageOnlyAndPublishesTheOthers()
    {
        var manifest = _repo.Combine(Manifest);
        var text = File.ReadAllText(manifest);
        File.WriteAllText(manifest, text.Replace("sha256:7d5e1418c732", "sha256:0d5e1418c732", StringComparison.Ordinal));

        var run = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store);

        Assert.Equal(BuildResult.TargetFailed, run.ExitCode);
        Assert.Equal(StepStatus.Failed, run.StatusOf("Verify", "tiny-disk-1.0"));
        Assert.Equal(StepStatus.NotRun, run.StatusOf("Upload", "tiny-disk-1.0"));
        Assert.Equal(StepStatus.Succeeded, run.StatusOf("WriteMetadata", "tiny-rootfs-2.3"));
        Assert.Equal(StepStatus.Failed, run.StatusOf("Sync"));
        Assert.Contains("expected sha256:0d5e1418c732", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Store, "images", "tiny-disk", "1.0", "tiny-disk.img")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Store, ".staging"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Sync_DryRun_ChangesNothingAndWritesPlanJson()
    {
        var run = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store, "--dry-run", "--plan-json", "plan.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(Directory.Exists(Path.Combine(Store, "images")));
        var plan = File.ReadAllText(_repo.Combine("plan.json"));
        Assert.Contains("\"needsWork\": [", plan, StringComparison.Ordinal);
        Assert.Contains("\"tiny-firmware-0.9\"", plan, StringComparison.Ordinal);
        Assert.Contains("\"action\": \"upload\"", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_PlanJsonDash_WritesThePlanToStdoutAndNothingElse()
    {
        var run = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store, "--dry-run", "--plan-json", "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var plan = JsonDocument.Parse(run.Data);
        Assert.Equal(3, plan.RootElement.GetProperty("needsWork").GetArrayLength());
        Assert.False(File.Exists(_repo.Combine("-")));
    }

    [Fact]
    public async Task Sync_S3WithoutCredentials_ExitsTwoNamingWhatToSet()
    {
        var run = await _repo.RunAsync("Sync", "--manifest", Manifest);

        Assert.Equal(BuildResult.UsageError, run.ExitCode);
        Assert.Contains("E2_ACCESS_KEY", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_UnsupportedStoreUrl_ExitsTwoAndAcquiresNothing()
    {
        var run = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", "https://example.com/images");

        Assert.Equal(BuildResult.UsageError, run.ExitCode);
        Assert.Contains("--store 'https://example.com/images' is not valid", run.Output, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Failed, run.StatusOf("Diff"));
        Assert.All(run.Result.Steps.Where(s => s.Target == "Acquire"), s => Assert.Equal((StepStatus.Skipped, "Diff could not read the store"), (s.Status, s.Note)));
    }

    [Fact]
    public async Task Sync_DryRunWithoutCredentials_ReportsUnknownStoreState()
    {
        var run = await _repo.RunAsync("Sync", "--manifest", Manifest, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("unknown", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_UnknownImage_ExitsTwo()
    {
        var run = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store, "--image", "nope");

        Assert.Equal(BuildResult.UsageError, run.ExitCode);
        Assert.Contains("no image named nope", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _repo.Dispose();
}
