using ImagePipeline.Planning;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Planning;

public sealed class SyncPlannerTests
{
    private readonly InMemoryImageStore _store = new();

    [Fact]
    public async Task Plan_ImageNotInStore_Uploads()
    {
        var image = TestImages.Http("alpine");

        var plan = await new SyncPlanner(_store).PlanAsync([image], force: false, null, default);

        Assert.Equal(ImageAction.Upload, plan.Images.Single().Action);
        Assert.Equal(["alpine"], plan.ImagesNeedingWork);
    }

    [Fact]
    public async Task Plan_SameDigestStored_IsUnchanged()
    {
        var image = TestImages.Http("alpine");
        TestImages.Publish(_store, image);

        var plan = await new SyncPlanner(_store).PlanAsync([image], force: false, null, default);

        Assert.Equal(ImageAction.Unchanged, plan.Images.Single().Action);
        Assert.Empty(plan.ImagesNeedingWork);
    }

    [Fact]
    public async Task Plan_OtherDigestStored_Replaces()
    {
        var image = TestImages.Http("alpine");
        TestImages.Publish(_store, image, TestImages.Sha256Of("old").ToString());

        var plan = await new SyncPlanner(_store).PlanAsync([image], force: false, null, default);

        Assert.Equal(ImageAction.Replace, plan.Images.Single().Action);
        Assert.Contains("digest changed", plan.Images.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_MetadataWithoutObject_Replaces()
    {
        var image = TestImages.Http("alpine");
        TestImages.Publish(_store, image);
        await _store.DeleteAsync(image.ObjectKey, default);

        var plan = await new SyncPlanner(_store).PlanAsync([image], force: false, null, default);

        Assert.Equal(ImageAction.Replace, plan.Images.Single().Action);
    }

    [Fact]
    public async Task Plan_Force_ReplacesUnchanged()
    {
        var image = TestImages.Http("alpine");
        TestImages.Publish(_store, image);

        var plan = await new SyncPlanner(_store).PlanAsync([image], force: true, null, default);

        Assert.Equal(ImageAction.Replace, plan.Images.Single().Action);
    }

    [Fact]
    public async Task Plan_NoStore_IsUnknown()
    {
        var plan = await new SyncPlanner(null).PlanAsync([TestImages.Http("alpine")], force: false, null, default);

        Assert.Equal(ImageAction.Unknown, plan.Images.Single().Action);
        Assert.False(plan.StoreWasRead);
    }

    [Theory]
    [InlineData("fp-1", "fp-1", ImageAction.Unchanged)]
    [InlineData("fp-1", "fp-2", ImageAction.Replace)]
    [InlineData(null, "fp-2", ImageAction.Replace)]
    public async Task Plan_PackerImage_DecidesByFingerprint(string? stored, string current, ImageAction expected)
    {
        var image = TestImages.Packer("vyos");
        TestImages.Publish(_store, image, TestImages.Sha256Of("built").ToString(), stored);

        var plan = await new SyncPlanner(_store).PlanAsync([image], force: false, (_, _) => Task.FromResult(current), default);

        Assert.Equal(expected, plan.Images.Single().Action);
        Assert.Equal(current, plan.Images.Single().Fingerprint);
    }

    [Fact]
    public async Task Plan_ManyImages_KeepsManifestOrder()
    {
        var images = Enumerable.Range(0, 50).Select(i => TestImages.Http($"img-{i}")).ToArray();
        TestImages.Publish(_store, images[7]);

        var plan = await new SyncPlanner(_store, parallelism: 8).PlanAsync(images, force: false, null, default);

        Assert.Equal(images.Select(i => i.Name), plan.Images.Select(p => p.Name));
        Assert.Equal(49, plan.ImagesNeedingWork.Count);
    }

    [Fact]
    public async Task Plan_ManyImages_ListsOnceInsteadOfStatingEach()
    {
        var images = Enumerable.Range(0, SyncPlanner.ListingThreshold).Select(i => TestImages.Http($"img-{i}")).ToArray();
        foreach (var image in images)
        {
            TestImages.Publish(_store, image);
        }

        var plan = await new SyncPlanner(_store).PlanAsync(images, force: false, null, default);

        Assert.All(plan.Images, p => Assert.Equal(ImageAction.Unchanged, p.Action));
        Assert.Equal(0, _store.StatCalls);
    }

    [Fact]
    public async Task Plan_ManyImagesOneObjectMissing_ReplacesThatImage()
    {
        var images = Enumerable.Range(0, SyncPlanner.ListingThreshold + 4).Select(i => TestImages.Http($"img-{i}")).ToArray();
        foreach (var image in images)
        {
            TestImages.Publish(_store, image);
        }

        await _store.DeleteAsync(images[3].ObjectKey, default);

        var plan = await new SyncPlanner(_store).PlanAsync(images, force: false, null, default);

        Assert.Equal(ImageAction.Replace, plan.Images[3].Action);
        Assert.Equal("metadata present but image object missing", plan.Images[3].Reason);
        Assert.Equal(images.Length - 1, plan.Images.Count(p => p.Action == ImageAction.Unchanged));
    }
}
