using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Store;

/// <summary>
/// The measured failure: manifests with prefixes <c>images/</c> and <c>images/b/</c> and the same paths shared their
/// metadata and replaced each other's images. On a directory and on RGW they now stay independent through Sync, List and Prune.
/// </summary>
public sealed class StorePrefixTests(RgwFixture rgw) : StoreTests(rgw)
{
    private const string Inner = "examples/quickstart/inner.yaml";

    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task TwoNestedPrefixes_StayIndependentThroughSyncListAndPrune(string kind)
    {
        await UseAsync(kind);
        Repo.Write(Inner, File.ReadAllText(Repo.Combine(Manifest)).Replace("destinationPrefix: images/", "destinationPrefix: images/b/", StringComparison.Ordinal));
        await SucceedAsync("Sync");
        var outerMetadata = await Store.GetRawAsync(FirmwareMetadata);

        await SucceedAsync("Sync", "--manifest", Inner);

        Assert.Equal(outerMetadata, await Store.GetRawAsync(FirmwareMetadata));
        Assert.NotNull(await Store.GetRawAsync("images/b/tiny-firmware/0.9/tiny-firmware.bin"));
        Assert.NotNull(await Store.GetRawAsync("metadata/b/tiny-firmware/0.9/tiny-firmware.bin.json"));
        foreach (var manifest in new[] { Manifest, Inner })
        {
            var again = await SucceedAsync("Sync", "--manifest", manifest);
            Assert.All(again.Result.Steps.Where(s => s.Target == "Upload"), s => Assert.Equal(StepStatus.Skipped, s.Status));
        }

        var list = await SucceedAsync("List", "--json");
        var inner = await SucceedAsync("List", "--json", "--prefix", "images/b/");
        Assert.Equal(6, Count(list.Output, "\"managed\": true"));
        Assert.Equal(0, Count(list.Output, "\"managed\": false"));
        Assert.Equal(3, Count(inner.Output, "\"managed\": true"));

        var outerPrune = await SucceedAsync("Prune", "--include-unmanaged");
        Assert.Contains("Prune deleted 0 image(s)", outerPrune.Output, StringComparison.Ordinal);
        DropImage("tiny-firmware-0.9", Inner);
        var before = (await Store.KeysAsync()).Where(k => !IsCatalog(k)).ToList();
        var innerPrune = await SucceedAsync("Prune", "--manifest", Inner);
        Assert.Equal(before.Except(["images/b/tiny-firmware/0.9/tiny-firmware.bin", "metadata/b/tiny-firmware/0.9/tiny-firmware.bin.json"]), (await Store.KeysAsync()).Where(k => !IsCatalog(k)));
        Assert.Contains("Prune deleted 1 image(s)", innerPrune.Output, StringComparison.Ordinal);
        Assert.Equal(outerMetadata, await Store.GetRawAsync(FirmwareMetadata));
    }

    private static bool IsCatalog(string key) => key is "images/SHA256SUMS" or "images/SHA512SUMS" or "images/index.json";

    private static int Count(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
