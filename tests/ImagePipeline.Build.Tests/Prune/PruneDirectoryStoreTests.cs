using ImagePipeline.Engine;

namespace ImagePipeline.Build.Tests.Prune;

public sealed class PruneDirectoryStoreTests : IDisposable
{
    private const string Manifest = "examples/quickstart/images.yaml";
    private readonly TestRepository _repo = new();

    public PruneDirectoryStoreTests() => _repo.CopyFromRepository("examples/quickstart");

    private string Store => _repo.Combine("store");

    private string DroppedImage => Path.Combine(Store, "images", "tiny-firmware", "0.9", "tiny-firmware.bin");

    [Fact]
    public async Task PruneDryRun_ImageRemovedFromManifest_ListsExactlyThatImage()
    {
        await PublishThenDropFirmwareAsync();

        var run = await _repo.RunAsync("Prune", "--manifest", Manifest, "--store", Store, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        var plan = run.Output[run.Output.IndexOf("Prune would delete", StringComparison.Ordinal)..];
        Assert.Contains("would delete 1 image(s)", plan, StringComparison.Ordinal);
        Assert.Contains("images/tiny-firmware/0.9/tiny-firmware.bin", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-disk", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-rootfs", plan, StringComparison.Ordinal);
        Assert.True(File.Exists(DroppedImage));
    }

    [Fact]
    public async Task Prune_ImageRemovedFromManifest_DeletesImageAndMetadata()
    {
        await PublishThenDropFirmwareAsync();

        var run = await _repo.RunAsync("Prune", "--manifest", Manifest, "--store", Store);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(File.Exists(DroppedImage));
        Assert.False(File.Exists(Path.Combine(Store, "metadata", "tiny-firmware", "0.9", "tiny-firmware.bin.json")));
        Assert.True(File.Exists(Path.Combine(Store, "images", "tiny-disk", "1.0", "tiny-disk.img")));
    }

    [Fact]
    public async Task Prune_MoreThanMaxDelete_RefusesAndDeletesNothing()
    {
        await PublishThenDropFirmwareAsync();

        var run = await _repo.RunAsync("Prune", "--manifest", Manifest, "--store", Store, "--max-delete", "1");

        Assert.Equal(BuildResult.TargetFailed, run.ExitCode);
        Assert.Contains("--max-delete 1", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(DroppedImage));
    }

    [Fact]
    public async Task Prune_UnmanagedObject_IsKept()
    {
        await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store);
        _repo.Write("store/images/manual/hand-made.iso", "by hand");

        var run = await _repo.RunAsync("Prune", "--manifest", Manifest, "--store", Store);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(Store, "images", "manual", "hand-made.iso")));
        Assert.Contains("unmanaged", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prune_InvalidManifest_ExitsTwoAndDeletesNothing()
    {
        await PublishThenDropFirmwareAsync();
        _repo.Write(Manifest, "apiVersion: images.lab.gilman.io/v1alpha1\nkind: ImageManifest\nmetadata:\n  name: empty\nspec:\n  images: []\n");

        var run = await _repo.RunAsync("Prune", "--manifest", Manifest, "--store", Store);

        Assert.Equal(BuildResult.UsageError, run.ExitCode);
        Assert.True(File.Exists(DroppedImage));
    }

    private async Task PublishThenDropFirmwareAsync()
    {
        var sync = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store);
        Assert.True(sync.ExitCode == 0, sync.ToString());
        var path = _repo.Combine(Manifest);
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.FindIndex(l => l.Contains("name: tiny-firmware-0.9", StringComparison.Ordinal));
        var end = lines.FindIndex(start + 1, l => l.TrimStart().StartsWith("- name:", StringComparison.Ordinal));
        lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        File.WriteAllLines(path, lines);
    }

    public void Dispose() => _repo.Dispose();
}
