using System.Text;
using System.Text.Json;
using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Store;

/// <summary>
/// The consumer catalog on a directory and on RGW: after Sync, Prune and a failed run it reflects the whole store,
/// and real coreutils accept it on a copy of <c>images/</c> (what Cloud Sync leaves on the NAS).
/// </summary>
public sealed class StoreCatalogTests(RgwFixture rgw) : StoreTests(rgw)
{
    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task Sync_WritesCatalogThatCoreutilsAcceptOnACopyOfImages(string kind)
    {
        await UseAsync(kind);

        var run = await SucceedAsync("Sync");

        Assert.Contains("Catalog: rewrote images/SHA256SUMS (2 image(s))", run.Output, StringComparison.Ordinal);
        Assert.Contains("Catalog: rewrote images/SHA512SUMS (1 image(s))", run.Output, StringComparison.Ordinal);
        Assert.Equal(["tiny-disk/1.0/tiny-disk.img", "tiny-rootfs/2.3/tiny-rootfs.raw"], await SumsPathsAsync("SHA256SUMS"));
        Assert.Equal(["tiny-firmware/0.9/tiny-firmware.bin"], await SumsPathsAsync("SHA512SUMS"));
        Assert.Equal(["tiny-disk/1.0/tiny-disk.img", "tiny-firmware/0.9/tiny-firmware.bin", "tiny-rootfs/2.3/tiny-rootfs.raw"], await IndexPathsAsync());
        var index = JsonDocument.Parse((await Store.GetRawAsync("images/index.json"))!).RootElement.GetProperty("images")[0];
        Assert.Equal(("tiny-disk-1.0", 65536, "file"), (index.GetProperty("name").GetString(), index.GetProperty("size").GetInt64(), index.GetProperty("sourceType").GetString()));
        var copy = Repo.Combine("nas", "volume1", "images");
        await Store.CopyImagesFolderAsync(copy);
        var sha256 = await Coreutils.CheckAsync("sha256sum", "SHA256SUMS", copy);
        var sha512 = await Coreutils.CheckAsync("sha512sum", "SHA512SUMS", copy);
        Assert.True(sha256.ExitCode == 0, sha256.Output);
        Assert.True(sha512.ExitCode == 0, sha512.Output);
        Assert.Contains("tiny-rootfs/2.3/tiny-rootfs.raw: OK", sha256.Output, StringComparison.Ordinal);
        Assert.Contains("tiny-firmware/0.9/tiny-firmware.bin: OK", sha512.Output, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(copy, "tiny-disk", "1.0", "tiny-disk.img"), "flipped");
        var corrupt = await Coreutils.CheckAsync("sha256sum", "SHA256SUMS", copy);
        Assert.Equal(1, corrupt.ExitCode);
        Assert.Contains("tiny-disk/1.0/tiny-disk.img: FAILED", corrupt.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task Prune_RewritesCatalogWithoutTheDroppedImage(string kind)
    {
        await UseAsync(kind);
        await SucceedAsync("Sync");
        DropImage("tiny-firmware-0.9");

        var dryRun = await SucceedAsync("Prune", "--dry-run");
        var run = await SucceedAsync("Prune");

        Assert.Contains("Catalog: would delete images/SHA512SUMS (no image uses it any more)", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("Catalog: would rewrite images/index.json (2 image(s))", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("Catalog: deleted images/SHA512SUMS (no image uses it any more)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Catalog: rewrote images/index.json (2 image(s))", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Catalog: rewrote images/SHA256SUMS", run.Output, StringComparison.Ordinal);
        Assert.Null(await Store.GetRawAsync("images/SHA512SUMS"));
        Assert.Equal(["tiny-disk/1.0/tiny-disk.img", "tiny-rootfs/2.3/tiny-rootfs.raw"], await IndexPathsAsync());
    }

    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task FailedRun_CatalogListsWhatIsPublishedAndNothingWithoutMetadata(string kind)
    {
        await UseAsync(kind);
        await SucceedAsync("Sync");
        Repo.Write("examples/quickstart/files/tiny-firmware-0.9.bin", "rebuilt firmware\n");
        var manifest = Repo.Combine(Manifest);
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(Encoding.UTF8.GetBytes("rebuilt firmware\n")));
        var text = File.ReadAllText(manifest);
        var at = text.IndexOf("sha512:", StringComparison.Ordinal) + 7;
        File.WriteAllText(manifest, text[..at] + digest + text[(at + 128)..]);
        Store.BreakMetadataWrites();

        var failed = await RunAsync("Sync");

        Assert.Equal(BuildResult.TargetFailed, failed.ExitCode);
        Assert.Equal(StepStatus.Succeeded, failed.StatusOf("WriteCatalog"));
        Assert.Equal(["tiny-disk/1.0/tiny-disk.img", "tiny-rootfs/2.3/tiny-rootfs.raw"], await IndexPathsAsync());
        Assert.Null(await Store.GetRawAsync("images/SHA512SUMS"));
        Store.RepairMetadataWrites();
        await SucceedAsync("Sync");
        Assert.Equal([digest], (await SumsLinesAsync("SHA512SUMS")).Select(l => l[..128]));
    }

    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task WriteCatalog_RunsAloneForCiAndSyncLegsCanSkipIt(string kind)
    {
        await UseAsync(kind);
        var leg = await SucceedAsync("Sync", "--image", "tiny-disk-1.0", "--skip", "WriteCatalog");
        Assert.Equal(StepStatus.Skipped, leg.StatusOf("WriteCatalog"));
        Assert.Null(await Store.GetRawAsync("images/index.json"));
        Repo.Write("examples/quickstart/inner.yaml", File.ReadAllText(Repo.Combine(Manifest)).Replace("destinationPrefix: images/", "destinationPrefix: images/b/", StringComparison.Ordinal));
        await SucceedAsync("Sync", "--manifest", "examples/quickstart/inner.yaml", "--image", "tiny-rootfs-2.3", "--skip", "WriteCatalog");

        var catalog = await SucceedAsync("WriteCatalog");
        var again = await SucceedAsync("WriteCatalog");
        var noop = await SucceedAsync("Sync", "--image", "tiny-disk-1.0");

        Assert.Equal(["b/tiny-rootfs/2.3/tiny-rootfs.raw", "tiny-disk/1.0/tiny-disk.img"], await IndexPathsAsync());
        Assert.DoesNotContain("[Validate]", catalog.Output, StringComparison.Ordinal);
        Assert.Contains("Catalog: already current", again.Output, StringComparison.Ordinal);
        Assert.Contains("Catalog: nothing was published or replaced, so the catalog stays as it is", noop.Output, StringComparison.Ordinal);
        var list = await SucceedAsync("List", "--json");
        Assert.DoesNotContain("SHA256SUMS\"", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("index.json\"", list.Output, StringComparison.Ordinal);
    }

    private async Task<List<string>> SumsLinesAsync(string name) =>
        [.. Encoding.UTF8.GetString((await Store.GetRawAsync("images/" + name))!).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private async Task<List<string>> SumsPathsAsync(string name) => [.. (await SumsLinesAsync(name)).Select(l => l[(l.IndexOf("  ", StringComparison.Ordinal) + 2)..])];

    private async Task<List<string?>> IndexPathsAsync() =>
        [.. JsonDocument.Parse((await Store.GetRawAsync("images/index.json"))!).RootElement.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("path").GetString())];
}
