using System.Text;
using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Store;

/// <summary>Audit on a directory and on RGW (against metadata), and on a plain copy of images/ (against its checksum files).</summary>
public sealed class StoreAuditTests(RgwFixture rgw) : StoreTests(rgw)
{
    private const string RootfsKey = "images/tiny-rootfs/2.3/tiny-rootfs.raw";

    private string Copy => Repo.Combine("nas", "volume1", "images");

    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task Audit_CleanStore_ReadsEveryImageBackAndPasses(string kind)
    {
        await UseAsync(kind);
        await SucceedAsync("Sync");
        await Store.PutRawAsync("images/manual/by-hand.iso", Encoding.UTF8.GetBytes("by hand"));

        var run = await SucceedAsync("Audit");

        Assert.Equal(3, Rows(run, "ok").Count);
        Assert.Equal(["images/manual/by-hand.iso"], Rows(run, "unmanaged"));
        Assert.Contains("3 ok, 0 corrupt, 0 missing, 0 unreadable, 1 unmanaged", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("the catalog does not match", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task Audit_OneFlippedByteAndAMissingImage_FailsNamingBoth(string kind)
    {
        await UseAsync(kind);
        await SucceedAsync("Sync");
        var bytes = (await Store.GetRawAsync(RootfsKey))!;
        bytes[bytes.Length / 2] ^= 0x01;
        await Store.PutRawAsync(RootfsKey, bytes);
        await Store.DeleteRawAsync(FirmwareKey);

        var run = await RunAsync("Audit");

        Assert.Equal(BuildResult.TargetFailed, run.ExitCode);
        Assert.Equal([RootfsKey], Rows(run, "corrupt"));
        Assert.Equal([FirmwareKey], Rows(run, "missing"));
        Assert.Equal([DiskKey], Rows(run, "ok"));
        Assert.Contains("expected 424000 bytes with sha256:3b6336e614c00de5ac1826db61577d8b4107da1f86ac388320db64479a2a1fe2", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 corrupt, 1 missing, 0 unreadable image(s)", run.Output, StringComparison.Ordinal);
        Assert.Contains("the catalog does not match the store", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task Audit_CopyOfImagesOnly_ChecksAgainstItsChecksumFiles(string kind)
    {
        await UseAsync(kind);
        await SucceedAsync("Sync");
        await Store.CopyImagesFolderAsync(Copy);

        var clean = await Repo.RunAsync("Audit", "--store", Copy);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Equal(["tiny-disk/1.0/tiny-disk.img", "tiny-firmware/0.9/tiny-firmware.bin", "tiny-rootfs/2.3/tiny-rootfs.raw"], Rows(clean, "ok"));
        Assert.Contains("(a copy of images/, against its checksum files)", clean.Output, StringComparison.Ordinal);

        var firmware = Path.Combine(Copy, "tiny-firmware", "0.9", "tiny-firmware.bin");
        var bytes = File.ReadAllBytes(firmware);
        bytes[0] ^= 0x80;
        File.WriteAllBytes(firmware, bytes);
        File.Delete(Path.Combine(Copy, "tiny-disk", "1.0", "tiny-disk.img"));
        Directory.CreateDirectory(Path.Combine(Copy, "old"));
        File.WriteAllText(Path.Combine(Copy, "old", "pruned.iso"), "kept by Cloud Sync");
        var broken = await Repo.RunAsync("Audit", "--store", Copy);

        Assert.Equal(BuildResult.TargetFailed, broken.ExitCode);
        Assert.Equal(["tiny-firmware/0.9/tiny-firmware.bin"], Rows(broken, "corrupt"));
        Assert.Equal(["tiny-disk/1.0/tiny-disk.img"], Rows(broken, "missing"));
        Assert.Equal(["old/pruned.iso"], Rows(broken, "extra"));
        Assert.Equal(["tiny-rootfs/2.3/tiny-rootfs.raw"], Rows(broken, "ok"));
        Assert.False(Directory.Exists(Path.Combine(Copy, ".staging")));
    }

    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task AuditSample_ReadsARandomShareAndChecksTheRestForPresence(string kind)
    {
        await UseAsync(kind);
        await SucceedAsync("Sync");

        var run = await SucceedAsync("Audit", "--sample", "50", "--json");

        Assert.Contains("\"ok\": 2", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"not sampled\": 1", run.Output, StringComparison.Ordinal);
        var usage = await RunAsync("Audit", "--sample", "0");
        Assert.Equal(BuildResult.UsageError, usage.ExitCode);
    }

    /// <summary>The paths of the table rows whose result is <paramref name="result"/>.</summary>
    private static List<string> Rows(BuildRun run, string result) =>
        [.. run.Output.Split('\n').Select(l => l.Split("  ", 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2 && p[1].StartsWith(result + " ", StringComparison.Ordinal)).Select(p => p[0])];
}
