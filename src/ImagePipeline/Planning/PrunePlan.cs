using ImagePipeline.Layout;

namespace ImagePipeline.Planning;

/// <summary>What Prune deletes and what it keeps on purpose.</summary>
/// <param name="Prefix">The manifest's destination prefix: the only images this plan touches.</param>
/// <param name="Delete">Images (with their metadata) to delete, and links named with <c>--delete-link</c>.</param>
/// <param name="KeptUnmanaged">Objects without metadata that are not in the manifest: kept unless asked.</param>
/// <param name="KeptLinks">Symbolic links (directory stores): kept unless named.</param>
/// <param name="KeptUnreadable">Images whose metadata cannot be read: their owner is unknown, so they stay.</param>
/// <param name="OrphanMetadata">This prefix's metadata documents whose image is gone and not in the manifest.</param>
/// <param name="ManagedImages">Images of this prefix in the store before the prune (the base of <c>--max-delete-percent</c>).</param>
public sealed record PrunePlan(
    string Prefix,
    IReadOnlyList<PruneCandidate> Delete,
    IReadOnlyList<PruneCandidate> KeptUnmanaged,
    IReadOnlyList<PruneCandidate> KeptLinks,
    IReadOnlyList<InventoryEntry> KeptUnreadable,
    IReadOnlyList<InventoryEntry> OrphanMetadata,
    int ManagedImages)
{
    /// <summary>Every object the plan deletes, in the order the real run deletes them: each image, then its metadata; then orphans.</summary>
    public IReadOnlyList<PruneDeletion> Deletions =>
    [
        .. Delete.SelectMany(c => c.Metadata is { } metadata
            ? new[] { new PruneDeletion(c.Key, "image", c.Size, c.Checksum), new PruneDeletion(metadata.Key, "metadata of " + c.Key, metadata.Size, c.Checksum) }
            : [new PruneDeletion(c.Key, c.LinkTarget is null ? "unmanaged object" : "symbolic link to " + c.LinkTarget, c.Size, c.Checksum)]),
        .. OrphanMetadata.Select(o => new PruneDeletion(o.MetadataKey!, "metadata of " + o.Key + " (image already gone)", o.MetadataObject!.Size, o.Metadata?.Checksum)),
    ];

    /// <summary>Objects the plan deletes: images, their metadata, orphan metadata.</summary>
    public int ObjectCount => Deletions.Count;

    /// <summary>Images with metadata of this prefix that the plan deletes.</summary>
    public int ManagedDeleted => Delete.Count(c => c.IsManaged);
}
