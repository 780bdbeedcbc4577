using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Store;

/// <summary>Prune you can trust, on a directory and on RGW: the dry run is the real run, the share guard, rclone's rule, Sync's dry-run preview.</summary>
public sealed partial class StorePruneTests(RgwFixture rgw) : StoreTests(rgw)
{
    private const string RootfsKey = "images/tiny-rootfs/2.3/tiny-rootfs.raw";
    private const string RootfsMetadata = "metadata/tiny-rootfs/2.3/tiny-rootfs.raw.json";
    private const string PruneCandidateLine = "[Diff] Prune candidate (only with Prune): ";
    private const string FirmwareDigest = "sha512:3a0fd4c17ab9d225c4972f71e429d6f3f8195e90a25c87361b7ddb257f2a59d483f5f5e123c17bf56619fbae324a1def9e5784089ec0c448856682170317c301";

    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task PruneDryRun_ListsExactlyWhatTheRealRunDeletes(string kind)
    {
        await UseAsync(kind);
        await SucceedAsync("Sync");
        await Store.PutRawAsync("images/manual/by-hand.iso", Encoding.UTF8.GetBytes("by hand"));
        await Store.DeleteRawAsync(RootfsKey);
        DropImage("tiny-firmware-0.9");
        DropImage("tiny-rootfs-2.3");
        var before = await Store.KeysAsync();

        var dryRun = await SucceedAsync("Prune", "--dry-run", "--include-unmanaged");
        Assert.Equal(before, await Store.KeysAsync());
        var real = await SucceedAsync("Prune", "--include-unmanaged");

        var planned = Deletions(dryRun, "Would delete ");
        var deleted = Deletions(real, "Deleted ");
        Assert.Equal(planned, deleted);
        Assert.Equal(
            ["images/manual/by-hand.iso (unmanaged object, 7 B, digest unknown)", $"{FirmwareKey} (image, ", $"{FirmwareMetadata} (metadata of {FirmwareKey}, ", $"{RootfsMetadata} (metadata of {RootfsKey} (image already gone), "],
            deleted.Select(d => d.Contains("unmanaged", StringComparison.Ordinal) ? d : d[..(d.IndexOf(", ", StringComparison.Ordinal) + 2)]));
        Assert.Contains($"{FirmwareKey} (image, 4 KiB, sha512:3a0fd4c17ab9", deleted[1], StringComparison.Ordinal);
        var catalogDeleted = CatalogLines(real).Where(l => l.StartsWith("deleted ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]);
        Assert.Equal(before.Except(deleted.Select(d => d[..d.IndexOf(' ', StringComparison.Ordinal)])).Except(catalogDeleted), await Store.KeysAsync());
        Assert.Contains("Prune deleted 2 image(s) (4 object(s)", real.Output, StringComparison.Ordinal);
        var catalogPlanned = CatalogLines(dryRun).Select(l => l.Replace("would delete", "deleted", StringComparison.Ordinal).Replace("would rewrite", "rewrote", StringComparison.Ordinal));
        Assert.Equal(["deleted images/SHA512SUMS (no image uses it any more)", "rewrote images/SHA256SUMS (1 image(s))", "rewrote images/index.json (1 image(s))"], catalogPlanned.Order(StringComparer.Ordinal));
        Assert.Equal(catalogPlanned.Order(StringComparer.Ordinal), CatalogLines(real).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task Prune_ManifestWithOneUnrelatedImage_RefusesByShareUntilForced(string kind)
    {
        await UseAsync(kind);
        await SucceedAsync("Sync");
        var before = await Store.KeysAsync();
        DropImage("tiny-firmware-0.9");
        DropImage("tiny-rootfs-2.3");
        var manifest = Repo.Combine(Manifest);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("name: tiny-disk-1.0", "name: unrelated-1.0", StringComparison.Ordinal).Replace("path: tiny-disk/", "path: unrelated/", StringComparison.Ordinal));

        var refused = await RunAsync("Prune");
        var refusedDryRun = await RunAsync("Prune", "--dry-run");

        Assert.Equal(BuildResult.TargetFailed, refused.ExitCode);
        Assert.Equal(BuildResult.TargetFailed, refusedDryRun.ExitCode);
        Assert.Contains("it would delete 3 of the 3 managed images under 'images/' (100%), more than --max-delete-percent 50", refused.Output, StringComparison.Ordinal);
        Assert.Equal(before, await Store.KeysAsync());
        await SucceedAsync("Prune", "--force");
        Assert.DoesNotContain(await Store.KeysAsync(), k => !k.StartsWith("images/SHA", StringComparison.Ordinal) && k != "images/index.json");
    }

    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task SyncThenPrune_AnImageFailed_PruneDoesNotRun(string kind)
    {
        await UseAsync(kind);
        await SucceedAsync("Sync");
        DropImage("tiny-firmware-0.9");
        File.AppendAllText(Repo.Combine(Manifest), $"""

                - name: broken-1.0
                  source:
                    type: file
                    path: examples/quickstart/files/tiny-disk-1.0.img
                    checksum: sha256:{new string('0', 64)}
                  destination:
                    path: broken/1.0/broken.img

            """);

        var run = await RunAsync("Sync", "Prune");

        Assert.Equal(BuildResult.TargetFailed, run.ExitCode);
        Assert.Equal(StepStatus.Failed, run.StatusOf("Verify", "broken-1.0"));
        Assert.Equal(StepStatus.Skipped, run.StatusOf("Prune"));
        Assert.Contains("[Prune] Skipped: an earlier target failed", run.Output, StringComparison.Ordinal);
        Assert.Contains(FirmwareKey, await Store.KeysAsync());
    }

    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task SyncDryRun_ImageDroppedFromTheManifest_PreviewsItsPruneInTheLogAndThePlan(string kind)
    {
        await UseAsync(kind);
        await SucceedAsync("Sync");
        DropImage("tiny-firmware-0.9");
        var before = await Store.KeysAsync();

        var run = await SucceedAsync("Sync", "--dry-run", "--plan-json", "plan.json");

        Assert.Equal(before, await Store.KeysAsync());
        using (var plan = JsonDocument.Parse(File.ReadAllText(Repo.Combine("plan.json"))))
        {
            var prune = plan.RootElement.GetProperty("prune");
            Assert.Equal(JsonValueKind.Array, prune.ValueKind);
            var entry = Assert.Single(prune.EnumerateArray());
            Assert.Equal(FirmwareKey, entry.GetProperty("key").GetString());
            Assert.Equal(4096, entry.GetProperty("size").GetInt64());
            Assert.Equal(FirmwareDigest, entry.GetProperty("checksum").GetString());
        }

        var candidates = PruneCandidates(run);
        Assert.Equal(2, candidates.Count);
        Assert.Equal($"{FirmwareKey} (image, 4 KiB, {FirmwareDigest})", candidates[0]);
        Assert.StartsWith($"{FirmwareMetadata} (metadata of {FirmwareKey}, ", candidates[1], StringComparison.Ordinal);
        Assert.EndsWith($", {FirmwareDigest})", candidates[1], StringComparison.Ordinal);

        var oneImage = await SucceedAsync("Sync", "--dry-run", "--image", "tiny-disk-1.0", "--plan-json", "plan.json");

        Assert.Empty(PruneCandidates(oneImage));
        using (var plan = JsonDocument.Parse(File.ReadAllText(Repo.Combine("plan.json"))))
        {
            Assert.True(plan.RootElement.TryGetProperty("prune", out var prune), "the plan has no prune member");
            Assert.Equal(JsonValueKind.Null, prune.ValueKind);
            Assert.Equal(["tiny-disk-1.0"], plan.RootElement.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        }

        Assert.Equal(before, await Store.KeysAsync());
    }

    /// <summary>The text after <paramref name="verb"/> of every deletion line, in log order.</summary>
    private static List<string> Deletions(BuildRun run, string verb) =>
        [.. run.Output.Split('\n').Select(l => DeletionLine().Match(l)).Where(m => m.Success && m.Groups["verb"].Value == verb).Select(m => m.Groups["what"].Value.TrimEnd())];

    /// <summary>The text after <see cref="PruneCandidateLine"/> of every such line Diff logs, in log order.</summary>
    private static List<string> PruneCandidates(BuildRun run) =>
        [.. run.Output.Split('\n').Where(l => l.Contains(PruneCandidateLine, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(PruneCandidateLine, StringComparison.Ordinal) + PruneCandidateLine.Length)..].TrimEnd())];

    private static List<string> CatalogLines(BuildRun run) =>
        [.. run.Output.Split('\n').Where(l => l.Contains("[Prune] Catalog: ", StringComparison.Ordinal)).Select(l => l[(l.IndexOf("Catalog: ", StringComparison.Ordinal) + 9)..].TrimEnd())];

    [GeneratedRegex(@"\[Prune\] (?<verb>Would delete |Deleted )(?<what>\S+ \(.*\))\s*$")]
    private static partial Regex DeletionLine();
}
