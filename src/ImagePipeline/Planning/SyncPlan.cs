namespace ImagePipeline.Planning;

/// <summary>Sync's decisions for every selected image, in manifest order.</summary>
public sealed record SyncPlan(IReadOnlyList<ImagePlan> Images, bool StoreWasRead)
{
    public ImagePlan? Find(string name) => Images.FirstOrDefault(i => i.Name == name);

    /// <summary>Names of the images that need Acquire → Upload (the CI matrix).</summary>
    public IReadOnlyList<string> ImagesNeedingWork => [.. Images.Where(i => i.NeedsWork).Select(i => i.Name)];
}
