namespace ImagePipeline.Planning;

/// <summary>What Prune deletes and what it keeps on purpose.</summary>
/// <param name="Delete">Images (with their metadata) to delete.</param>
/// <param name="KeptUnmanaged">Objects without metadata that are not in the manifest: kept unless asked.</param>
/// <param name="OrphanMetadata">Metadata documents whose image is gone and is not in the manifest.</param>
public sealed record PrunePlan(
    IReadOnlyList<PruneCandidate> Delete,
    IReadOnlyList<PruneCandidate> KeptUnmanaged,
    IReadOnlyList<string> OrphanMetadata)
{
    /// <summary>Objects the plan deletes: images, their metadata, orphan metadata.</summary>
    public int ObjectCount => Delete.Sum(c => c.IsManaged ? 2 : 1) + OrphanMetadata.Count;
}
