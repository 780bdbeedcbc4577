using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Store;

/// <summary>A killed run's staged uploads are removed by the next run for every image it handles, also when that image is unchanged.</summary>
public sealed class StoreLeftoverTests(RgwFixture rgw) : StoreTests(rgw)
{
    [Theory]
    [MemberData(nameof(StoreDriver.Kinds), MemberType = typeof(StoreDriver))]
    public async Task Sync_ImageUnchanged_RemovesItsAndItsMetadatasLeftoversOnly(string kind)
    {
        await UseAsync(kind);
        await SucceedAsync("Sync");
        await Store.LeaveIncompleteUploadAsync(DiskKey);
        await Store.LeaveIncompleteUploadAsync(DiskMetadata);
        await Store.LeaveIncompleteUploadAsync("images/not-in-this-manifest.raw");

        var run = await SucceedAsync("Sync");

        Assert.Contains("Removed 2 upload(s) that an interrupted run left staged", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"tiny-disk-1\.0 +unchanged", run.Output);
        Assert.Equal(1, await Store.CountIncompleteUploadsAsync());
    }

    [Fact]
    public async Task Sync_DirectoryStore_TempFileOfAnOlderVersionInsideImages_IsRemoved()
    {
        await UseAsync(StoreDriver.Directory);
        await SucceedAsync("Sync");
        var legacy = Repo.Combine("store", "images", "tiny-disk", "1.0", ".tiny-disk.img.tmp-0123abcd");
        File.WriteAllText(legacy, "partial");
        File.SetLastWriteTimeUtc(legacy, DateTime.UtcNow.AddMinutes(-1));

        await SucceedAsync("Sync");

        Assert.False(File.Exists(legacy));
    }
}
