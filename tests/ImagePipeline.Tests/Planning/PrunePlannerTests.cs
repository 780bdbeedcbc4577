using ImagePipeline.Planning;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Planning;

public sealed class PrunePlannerTests
{
    private readonly InMemoryImageStore _store = new();

    [Fact]
    public async Task Plan_ImageDroppedFromManifest_IsDeletedWithMetadata()
    {
        var kept = TestImages.Http("kept");
        var dropped = TestImages.Http("dropped");
        TestImages.Publish(_store, kept);
        TestImages.Publish(_store, dropped);

        var plan = await new PrunePlanner(_store).PlanAsync(TestImages.Manifest(kept), includeUnmanaged: false, default);

        var candidate = Assert.Single(plan.Delete);
        Assert.Equal(dropped.ObjectKey, candidate.Key);
        Assert.Equal(dropped.MetadataKey, candidate.MetadataKey);
        Assert.Equal(2, plan.ObjectCount);
    }

    [Fact]
    public async Task Plan_UnmanagedObject_IsKeptUnlessIncluded()
    {
        var kept = TestImages.Http("kept");
        TestImages.Publish(_store, kept);
        _store.Put("images/manual/upload.iso", 5);

        var keep = await new PrunePlanner(_store).PlanAsync(TestImages.Manifest(kept), includeUnmanaged: false, default);
        var include = await new PrunePlanner(_store).PlanAsync(TestImages.Manifest(kept), includeUnmanaged: true, default);

        Assert.Empty(keep.Delete);
        Assert.Equal("images/manual/upload.iso", Assert.Single(keep.KeptUnmanaged).Key);
        Assert.Equal("images/manual/upload.iso", Assert.Single(include.Delete).Key);
    }

    [Fact]
    public async Task Plan_EmptyManifest_IsRefused()
    {
        await Assert.ThrowsAsync<PruneRefusedException>(() =>
            new PrunePlanner(_store).PlanAsync(TestImages.Manifest(), includeUnmanaged: false, default));
    }

    [Fact]
    public async Task Plan_PrefixOutsideImages_IsRefused()
    {
        var manifest = TestImages.Manifest(TestImages.Http("a", prefix: "other/")) with { DestinationPrefix = "other/" };

        await Assert.ThrowsAsync<PruneRefusedException>(() =>
            new PrunePlanner(_store).PlanAsync(manifest, includeUnmanaged: false, default));
    }

    [Fact]
    public async Task Plan_ObjectsOutsidePrefix_AreNeverCandidates()
    {
        var kept = TestImages.Http("kept");
        TestImages.Publish(_store, kept);
        _store.Put("backups/db.tar", 10);
        _store.Put("imagesX/other", 10);

        var plan = await new PrunePlanner(_store).PlanAsync(TestImages.Manifest(kept), includeUnmanaged: true, default);

        Assert.Empty(plan.Delete);
    }

    [Fact]
    public async Task Plan_OrphanMetadata_IsCleanedUp()
    {
        var kept = TestImages.Http("kept");
        var gone = TestImages.Http("gone");
        TestImages.Publish(_store, kept);
        _store.PutMetadata(gone.MetadataKey, TestImages.Metadata(gone, gone.ExpectedOutput!.ToString()));

        var plan = await new PrunePlanner(_store).PlanAsync(TestImages.Manifest(kept), includeUnmanaged: false, default);

        Assert.Equal([gone.MetadataKey], plan.OrphanMetadata);
    }

    [Fact]
    public async Task Execute_OverLimit_DeletesNothing()
    {
        var kept = TestImages.Http("kept");
        TestImages.Publish(_store, kept);
        foreach (var name in new[] { "a", "b", "c" })
        {
            TestImages.Publish(_store, TestImages.Http(name));
        }

        var plan = await new PrunePlanner(_store).PlanAsync(TestImages.Manifest(kept), includeUnmanaged: false, default);
        var error = await Assert.ThrowsAsync<PruneRefusedException>(() =>
            new PruneExecutor(_store).ExecuteAsync(plan, maxDelete: 5, _ => { }, default));

        Assert.Contains("--max-delete 5", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Deleted);
    }

    [Fact]
    public async Task Execute_DeletesImageBeforeMetadata()
    {
        var kept = TestImages.Http("kept");
        var dropped = TestImages.Http("dropped");
        TestImages.Publish(_store, kept);
        TestImages.Publish(_store, dropped);
        var plan = await new PrunePlanner(_store).PlanAsync(TestImages.Manifest(kept), includeUnmanaged: false, default);
        var reported = new List<string>();

        await new PruneExecutor(_store).ExecuteAsync(plan, maxDelete: 10, c => reported.Add(c.Key), default);

        Assert.Equal([dropped.ObjectKey, dropped.MetadataKey], _store.Deleted);
        Assert.Equal([dropped.ObjectKey], reported);
        Assert.Null(await _store.StatAsync(dropped.ObjectKey, default));
        Assert.NotNull(await _store.StatAsync(kept.ObjectKey, default));
    }
}
