using ImagePipeline.Planning;
using ImagePipeline.Storage;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Planning;

public sealed class PrunePlannerTests
{
    private static readonly PruneOptions Defaults = new();
    private readonly InMemoryImageStore _store = new();

    private Task<PrunePlan> PlanAsync(ImagePipeline.Manifest.ImageManifest manifest, PruneOptions? options = null) =>
        new PrunePlanner(_store).PlanAsync(manifest, options ?? Defaults, default);

    [Fact]
    public async Task Plan_ImageDroppedFromManifest_IsDeletedWithMetadata()
    {
        var kept = TestImages.Http("kept");
        var dropped = TestImages.Http("dropped");
        TestImages.Publish(_store, kept);
        TestImages.Publish(_store, dropped);

        var plan = await PlanAsync(TestImages.Manifest(kept));

        var candidate = Assert.Single(plan.Delete);
        Assert.Equal(dropped.ObjectKey, candidate.Key);
        Assert.Equal(dropped.MetadataKey, candidate.MetadataKey);
        Assert.Equal(2, plan.ObjectCount);
        Assert.Equal(2, plan.ManagedImages);
        Assert.Equal([dropped.ObjectKey, dropped.MetadataKey], plan.Deletions.Select(d => d.Key));
        Assert.All(plan.Deletions, d => Assert.Equal(dropped.ExpectedOutput, d.Digest));
    }

    [Fact]
    public async Task Plan_UnmanagedObject_IsKeptUnlessIncluded()
    {
        var kept = TestImages.Http("kept");
        TestImages.Publish(_store, kept);
        _store.Put("images/manual/upload.iso", 5);

        var keep = await PlanAsync(TestImages.Manifest(kept));
        var include = await PlanAsync(TestImages.Manifest(kept), Defaults with { IncludeUnmanaged = true });

        Assert.Empty(keep.Delete);
        Assert.Equal("images/manual/upload.iso", Assert.Single(keep.KeptUnmanaged).Key);
        Assert.Equal("images/manual/upload.iso", Assert.Single(include.Delete).Key);
        Assert.Equal("unmanaged object", Assert.Single(include.Deletions).What);
    }

    [Fact]
    public async Task Plan_EmptyManifest_IsRefused() =>
        await Assert.ThrowsAsync<PruneRefusedException>(() => PlanAsync(TestImages.Manifest()));

    [Fact]
    public async Task Plan_PrefixOutsideImages_IsRefused()
    {
        var manifest = TestImages.Manifest(TestImages.Http("a", prefix: "other/")) with { DestinationPrefix = "other/" };

        var error = await Assert.ThrowsAsync<PruneRefusedException>(() => PlanAsync(manifest));

        Assert.Contains("must be `images/` or a folder inside it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_ObjectsOutsidePrefix_AreNeverCandidates()
    {
        var kept = TestImages.Http("kept");
        TestImages.Publish(_store, kept);
        _store.Put("backups/db.tar", 10);
        _store.Put("imagesX/other", 10);

        var plan = await PlanAsync(TestImages.Manifest(kept), Defaults with { IncludeUnmanaged = true });

        Assert.Empty(plan.Delete);
    }

    [Fact]
    public async Task Plan_CatalogFiles_AreNeverCandidates()
    {
        var kept = TestImages.Http("kept");
        TestImages.Publish(_store, kept);
        _store.Put("images/SHA256SUMS", 10);
        _store.Put("images/index.json", 10);

        var plan = await PlanAsync(TestImages.Manifest(kept), Defaults with { IncludeUnmanaged = true });

        Assert.Empty(plan.Delete);
        Assert.Empty(plan.KeptUnmanaged);
    }

    [Fact]
    public async Task Plan_OrphanMetadata_IsCleanedUp()
    {
        var kept = TestImages.Http("kept");
        var gone = TestImages.Http("gone");
        TestImages.Publish(_store, kept);
        _store.PutMetadata(gone.MetadataKey, TestImages.Metadata(gone, gone.ExpectedOutput!.ToString()));

        var plan = await PlanAsync(TestImages.Manifest(kept));

        Assert.Equal([gone.MetadataKey], plan.OrphanMetadata.Select(o => o.MetadataKey));
        Assert.Equal([gone.MetadataKey], plan.Deletions.Select(d => d.Key));
    }

    [Fact]
    public async Task Plan_NestedPrefixOfAnotherManifest_IsLeftAlone()
    {
        var outer = TestImages.Http("outer");
        var inner = TestImages.Http("inner", prefix: "images/b/");
        var innerGone = TestImages.Http("inner-gone", prefix: "images/b/");
        TestImages.Publish(_store, outer);
        TestImages.Publish(_store, inner);
        _store.PutMetadata(innerGone.MetadataKey, TestImages.Metadata(innerGone, innerGone.ExpectedOutput!.ToString()));

        var outerPlan = await PlanAsync(TestImages.Manifest(outer));
        var innerPlan = await PlanAsync(TestImages.Manifest(inner) with { DestinationPrefix = "images/b/" });

        Assert.Empty(outerPlan.Delete);
        Assert.Empty(outerPlan.OrphanMetadata);
        Assert.Equal(1, outerPlan.ManagedImages);
        Assert.Empty(innerPlan.Delete);
        Assert.Equal([innerGone.MetadataKey], innerPlan.OrphanMetadata.Select(o => o.MetadataKey));
    }

    [Fact]
    public async Task Plan_UnreadableMetadata_KeepsTheImage()
    {
        var kept = TestImages.Http("kept");
        var broken = TestImages.Http("broken");
        TestImages.Publish(_store, kept);
        _store.Put(broken.ObjectKey, 100);
        _store.PutRaw(broken.MetadataKey, "{"u8.ToArray());

        var plan = await PlanAsync(TestImages.Manifest(kept), Defaults with { IncludeUnmanaged = true });

        Assert.Empty(plan.Delete);
        Assert.Equal(broken.ObjectKey, Assert.Single(plan.KeptUnreadable).Key);
    }

    [Fact]
    public async Task Plan_Link_IsKeptUnlessNamed()
    {
        var kept = TestImages.Http("kept");
        TestImages.Publish(_store, kept);
        _store.PutLink("images/current", "kept");

        var keep = await PlanAsync(TestImages.Manifest(kept), Defaults with { IncludeUnmanaged = true });
        var named = await PlanAsync(TestImages.Manifest(kept), Defaults with { DeleteLinks = new HashSet<string> { "images/current" } });

        Assert.Empty(keep.Delete);
        Assert.Equal("images/current", Assert.Single(keep.KeptLinks).Key);
        var deletion = Assert.Single(named.Deletions);
        Assert.Equal(("images/current", "symbolic link to kept"), (deletion.Key, deletion.What));
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

        var plan = await PlanAsync(TestImages.Manifest(kept));
        var error = await Assert.ThrowsAsync<PruneRefusedException>(() =>
            new PruneExecutor(_store).ExecuteAsync(plan, Defaults with { MaxDelete = 5, Force = true }, _ => { }, default));

        Assert.Contains("--max-delete 5", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Deleted);
    }

    [Theory]
    [InlineData(5, 1, 50, false, true)]
    [InlineData(5, 2, 50, false, true)]
    [InlineData(5, 3, 50, false, false)]
    [InlineData(5, 3, 60, false, true)]
    [InlineData(5, 5, 50, true, true)]
    [InlineData(1, 1, 50, false, false)]
    [InlineData(2, 1, 50, false, true)]
    public async Task EnforceLimits_ShareOfManagedImages(int stored, int dropped, int maxPercent, bool force, bool allowed)
    {
        var images = Enumerable.Range(0, stored).Select(i => TestImages.Http($"i{i}")).ToList();
        images.ForEach(i => TestImages.Publish(_store, i));
        _store.Put("images/manual/unmanaged.iso", 5);
        var manifest = TestImages.Manifest([.. images.Skip(dropped).DefaultIfEmpty(TestImages.Http("unrelated"))]);
        var options = Defaults with { MaxDelete = 100, MaxDeletePercent = maxPercent, Force = force };

        var plan = await PlanAsync(manifest, options);
        var error = Record.Exception(() => PruneExecutor.EnforceLimits(plan, options));

        Assert.Equal(stored, plan.ManagedImages);
        Assert.Equal(dropped, plan.ManagedDeleted);
        Assert.Equal(allowed, error is null);
        if (error is not null)
        {
            Assert.Contains($"it would delete {dropped} of the {stored} managed images under 'images/'", error.Message, StringComparison.Ordinal);
            Assert.Contains($"--max-delete-percent {maxPercent}", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Execute_DeletesExactlyTheDeletionsImageBeforeMetadata()
    {
        var kept = TestImages.Http("kept");
        var dropped = TestImages.Http("dropped");
        TestImages.Publish(_store, kept);
        TestImages.Publish(_store, dropped);
        var plan = await PlanAsync(TestImages.Manifest(kept));
        var reported = new List<string>();

        await new PruneExecutor(_store).ExecuteAsync(plan, Defaults, d => reported.Add(d.Key), default);

        Assert.Equal([dropped.ObjectKey, dropped.MetadataKey], _store.Deleted);
        Assert.Equal(plan.Deletions.Select(d => d.Key), reported);
        Assert.Null(await _store.StatAsync(dropped.ObjectKey, default));
        Assert.NotNull(await _store.StatAsync(kept.ObjectKey, default));
    }

    [Fact]
    public async Task Execute_PlanNamingACatalogFile_IsRefused()
    {
        var plan = new PrunePlan("images/", [new PruneCandidate("images/SHA256SUMS", 1, null)], [], [], [], [], 1);

        await Assert.ThrowsAsync<PruneRefusedException>(() => new PruneExecutor(_store).ExecuteAsync(plan, Defaults, _ => { }, default));

        Assert.Empty(_store.Deleted);
    }
}
