using System.Security.Cryptography;
using System.Text;
using ImagePipeline.Engine;

namespace ImagePipeline.Build.Tests.Store;

/// <summary>
/// Metadata that cannot wedge or lie, run on each store: an unreadable document makes only its image a replace
/// (with a warning naming it), also with --force; a metadata write that fails during a replace leaves the new
/// bytes without metadata ("needs work"), never under the old digest, and the next run repairs it.
/// </summary>
public abstract class StoreRecoveryTests : IDisposable
{
    protected const string Manifest = "examples/quickstart/images.yaml";
    protected const string DiskMetadata = "metadata/tiny-disk/1.0/tiny-disk.img.json";
    protected const string FirmwareKey = "images/tiny-firmware/0.9/tiny-firmware.bin";
    protected const string FirmwareMetadata = "metadata/tiny-firmware/0.9/tiny-firmware.bin.json";

    protected StoreRecoveryTests() => Repo.CopyFromRepository("examples/quickstart");

    private protected TestRepository Repo { get; } = new();

    /// <summary>Arguments that point the build at the store under test.</summary>
    protected abstract string[] StoreArguments { get; }

    /// <summary>Writes an object past the store's API.</summary>
    protected abstract Task PutRawAsync(string key, byte[] bytes);

    /// <summary>An object's bytes read past the store's API; null when missing.</summary>
    protected abstract Task<byte[]?> GetRawAsync(string key);

    /// <summary>Makes every metadata write fail (permanently) from now on; deletes still work.</summary>
    protected abstract void BreakMetadataWrites();

    protected abstract void RepairMetadataWrites();

    public void Dispose()
    {
        Repo.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected Task<BuildRun> RunAsync(params string[] args) => Repo.RunAsync([.. args, "--manifest", Manifest, .. StoreArguments]);

    [Theory]
    [InlineData("", false)]
    [InlineData("", true)]
    [InlineData("{ \"name\": ", false)]
    [InlineData("{ \"name\": ", true)]
    [InlineData("{ \"name\": \"tiny-disk-1.0\", \"checksum\": \"md5:abc\", \"size\": 1, \"uploadedAt\": \"2025-01-31T12:00:00Z\", \"source\": { \"type\": \"file\" }, \"toolVersion\": \"1\" }", false)]
    public async Task Sync_UnreadableMetadata_RepublishesOnlyThatImageWithAWarning(string content, bool force)
    {
        await SyncAsync();
        await PutRawAsync(DiskMetadata, Encoding.UTF8.GetBytes(content));

        var run = await RunAsync(force ? ["Sync", "--force"] : ["Sync"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"tiny-disk-1.0: {DiskMetadata} is not valid metadata", run.Output, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Succeeded, run.StatusOf("WriteMetadata", "tiny-disk-1.0"));
        Assert.Equal(force ? StepStatus.Succeeded : StepStatus.Skipped, run.StatusOf("WriteMetadata", "tiny-rootfs-2.3"));
        Assert.Equal("tiny-disk-1.0", System.Text.Json.JsonDocument.Parse((await GetRawAsync(DiskMetadata))!).RootElement.GetProperty("name").GetString());
        var again = await RunAsync("Sync");
        Assert.All(again.Result.Steps.Where(s => s.Target == "Upload"), s => Assert.Equal(StepStatus.Skipped, s.Status));
    }

    [Fact]
    public async Task Sync_MetadataWriteFailsDuringReplace_LeavesNewBytesWithoutMetadataThenRepairs()
    {
        await SyncAsync();
        Assert.NotNull(await GetRawAsync(FirmwareMetadata));
        var replacement = ReplaceFirmware();
        BreakMetadataWrites();

        var failed = await RunAsync("Sync");

        Assert.Equal(BuildResult.TargetFailed, failed.ExitCode);
        Assert.Equal(StepStatus.Failed, failed.StatusOf("WriteMetadata", "tiny-firmware-0.9"));
        Assert.Equal(replacement, await GetRawAsync(FirmwareKey));
        Assert.Null(await GetRawAsync(FirmwareMetadata));
        RepairMetadataWrites();
        var plan = await RunAsync("Sync", "--dry-run");
        Assert.Matches(@"tiny-firmware-0\.9 +upload +in store without metadata", plan.Output);
        var repaired = await RunAsync("Sync");
        Assert.True(repaired.ExitCode == 0, repaired.ToString());
        Assert.Contains(Convert.ToHexStringLower(SHA512.HashData(replacement)), Encoding.UTF8.GetString((await GetRawAsync(FirmwareMetadata))!), StringComparison.Ordinal);
    }

    protected async Task SyncAsync()
    {
        var sync = await RunAsync("Sync");
        Assert.True(sync.ExitCode == 0, sync.ToString());
    }

    /// <summary>New bytes for tiny-firmware at the same path, with the manifest's checksum updated: the next Sync replaces it.</summary>
    protected byte[] ReplaceFirmware()
    {
        var bytes = Encoding.UTF8.GetBytes("firmware 0.9, rebuilt\n");
        Repo.Write("examples/quickstart/files/tiny-firmware-0.9.bin", bytes);
        var manifest = Repo.Combine(Manifest);
        var text = File.ReadAllText(manifest);
        var start = text.IndexOf("checksum: sha512:", text.IndexOf("tiny-firmware-0.9", StringComparison.Ordinal), StringComparison.Ordinal) + "checksum: ".Length;
        File.WriteAllText(manifest, text[..start] + "sha512:" + Convert.ToHexStringLower(SHA512.HashData(bytes)) + text[(start + 7 + 128)..]);
        return bytes;
    }
}
