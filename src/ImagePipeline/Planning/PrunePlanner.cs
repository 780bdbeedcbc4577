using ImagePipeline.Layout;
using ImagePipeline.Manifest;
using ImagePipeline.Storage;

namespace ImagePipeline.Planning;

/// <summary>
/// Works out which stored images the manifest dropped. It reads the store through <see cref="StoreInventory"/>
/// and only ever proposes keys under the manifest's destination prefix and the metadata folder that mirrors it;
/// only images whose metadata names that prefix as their owner (a manifest with a nested prefix shares the store
/// safely); never the catalog, never a symbolic link unless named, never an image whose metadata cannot be read
/// (its owner is unknown), and never from an empty manifest (an empty source must not mean "delete everything").
/// </summary>
public sealed class PrunePlanner
{
    private readonly IImageStore _store;

    public PrunePlanner(IImageStore store) => _store = store;

    public async Task<PrunePlan> PlanAsync(ImageManifest manifest, PruneOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        if (manifest.Images.Count == 0)
        {
            throw new PruneRefusedException("refusing to prune: the manifest lists no images");
        }

        var prefix = manifest.DestinationPrefix;
        if (StoreLayout.CheckPrefix(prefix) is { } problem)
        {
            throw new PruneRefusedException($"refusing to prune: destination prefix {problem}");
        }

        var wanted = manifest.Images.Select(i => i.ObjectKey).ToHashSet(StringComparer.Ordinal);
        var inventory = await StoreInventory.ReadAsync(_store, prefix, options.Parallelism, cancellationToken);
        var delete = new List<PruneCandidate>();
        var unmanaged = new List<PruneCandidate>();
        var links = new List<PruneCandidate>();
        var unreadable = new List<InventoryEntry>();
        var orphans = new List<InventoryEntry>();
        var managed = 0;
        foreach (var entry in inventory.Entries)
        {
            var ours = entry.Metadata?.OwnerPrefix() == prefix;
            if (entry.Stored is not { } obj)
            {
                // Metadata whose image is gone (an interrupted prune left it): this prefix's own only.
                if (ours && !wanted.Contains(entry.Key))
                {
                    orphans.Add(entry);
                }

                continue;
            }

            managed += ours && !entry.IsLink ? 1 : 0;
            if (wanted.Contains(entry.Key))
            {
                continue;
            }

            if (entry.IsLink)
            {
                var link = new PruneCandidate(entry.Key, obj.Size, null, LinkTarget: obj.LinkTarget);
                (options.DeleteLinks.Contains(entry.Key) ? delete : links).Add(link);
            }
            else if (entry.MetadataObject is null)
            {
                (options.IncludeUnmanaged ? delete : unmanaged).Add(new PruneCandidate(entry.Key, obj.Size, obj.Digest));
            }
            else if (entry.Metadata is null)
            {
                unreadable.Add(entry);
            }
            else if (ours)
            {
                delete.Add(new PruneCandidate(entry.Key, obj.Size, entry.Metadata.Checksum, entry.MetadataObject));
            }
        }

        return new PrunePlan(prefix, delete, unmanaged, links, unreadable, orphans, managed);
    }
}
