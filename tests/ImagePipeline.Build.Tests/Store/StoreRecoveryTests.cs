using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Store;

/// <summary>
/// Metadata that cannot wedge or lie, on a directory and on RGW: an unreadable document makes only its image a replace
/// (with a warning naming it), also with --force; a metadata write that fails during a replace leaves the new bytes
/// without metadata ("needs work"), never under the old digest, and the next run repairs it.
/// </summary>
public sealed class StoreRecoveryTests(RgwFixture rgw) : StoreTests(rgw)
{
    private const string NotADigest =
        "{ \"name\": \"tiny-disk-1.0\", \"checksum\": \"md5:abc\", \"size\": 1, \"uploadedAt\": \"2025-01-31T12:00:00Z\", \"source\": { \"type\": \"file\" }, \"toolVersion\": \"1\" }";

    public static TheoryData<string, string, bool> UnreadableCases()
    {
        var cases = new TheoryData<string, string, bool>();
        foreach (var kind in new[] { StoreDriver.Directory, StoreDriver.S3 })
        {
            cases.Add(kind, "", false);
            cases.Add(kind, "", true);
            cases.Add(kind, "{ \"name\": ", false);
            cases.Add(kind, "{ \"name\": ", true);
            cases.Add(kind, NotADigest, false);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(UnreadableCases))]
    public async Task Sync_UnreadableMetadata_RepublishesOnlyThatImageWithAWarning(string kind, string content, bool force)
    {
        await UseAsync(kind);
        await SucceedAsync("Sync");
        await Store.PutRawAsync(DiskMetadata, Encoding.UTF8.GetBytes(content));

        var run = await SucceedAsync(force ? ["Sync", "--force"] : ["Sync"]);

        Assert.Contains($"tiny-disk-1.0: {DiskMetadata} is not valid metadata", run.Output, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Succeeded, run.StatusOf("WriteMetadata", "tiny-disk-1.0"));
        Assert.Equal(force ? StepStatus.Succeeded : StepStatus.Skipped, run.StatusOf("WriteMetadata", "tiny-rootfs-2.3"));
        Assert.Equal("tiny-disk-1.0", JsonDocument.Parse((await Store.GetRawAsync(DiskMetadata))!).RootElement.GetProperty("name").GetString());
        var again = await SucceedAsync("Sync");
        Assert.All(again.Result.Steps.Where(s => s.Target == "Upload"), s => Assert.Equal(StepStatus.Skipped, s.Status));
    }

    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task Sync_MetadataWriteFailsDuringReplace_LeavesNewBytesWithoutMetadataThenRepairs(string kind)
    {
        await UseAsync(kind);
        await SucceedAsync("Sync");
        Assert.NotNull(await Store.GetRawAsync(FirmwareMetadata));
        var replacement = ReplaceFirmware();
        Store.BreakMetadataWrites();

        var failed = await RunAsync("Sync");

        Assert.Equal(BuildResult.TargetFailed, failed.ExitCode);
        Assert.Equal(StepStatus.Failed, failed.StatusOf("WriteMetadata", "tiny-firmware-0.9"));
        Assert.Equal(replacement, await Store.GetRawAsync(FirmwareKey));
        Assert.Null(await Store.GetRawAsync(FirmwareMetadata));
        Store.RepairMetadataWrites();
        var plan = await SucceedAsync("Sync", "--dry-run");
        Assert.Matches(@"tiny-firmware-0\.9 +upload +in store without metadata", plan.Output);
        await SucceedAsync("Sync");
        Assert.Contains(Convert.ToHexStringLower(SHA512.HashData(replacement)), Encoding.UTF8.GetString((await Store.GetRawAsync(FirmwareMetadata))!), StringComparison.Ordinal);
    }

    /// <summary>New bytes for tiny-firmware at the same path, with the manifest's checksum updated: the next Sync replaces it.</summary>
    private byte[] ReplaceFirmware()
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
