using ImagePipeline.Manifest;
using ImagePipeline.Storage;

namespace ImagePipeline.Planning;

/// <summary>
/// Works out which stored images the manifest dropped. It only ever proposes keys under
/// <c>images/</c> and <c>metadata/</c>, only under the manifest's destination prefix, and never
/// from an empty manifest (an empty source must not mean "delete everything").
/// </summary>
public sealed class PrunePlanner
{
    public const string ImagesRoot = "images/";

    private readonly IImageStore _store;

    public PrunePlanner(IImageStore store) => _store = store;

    public async Task<PrunePlan> PlanAsync(ImageManifest manifest, bool includeUnmanaged, CancellationToken cancellationToken)
    {
        if (manifest.Images.Count == 0)
        {
            throw new PruneRefusedException("refusing to prune: the manifest lists no images");
        }

        var prefix = manifest.DestinationPrefix;
        if (!prefix.StartsWith(ImagesRoot, StringComparison.Ordinal))
        {
            throw new PruneRefusedException($"refusing to prune: destination prefix '{prefix}' is outside '{ImagesRoot}'");
        }

        var wanted = manifest.Images.Select(i => i.ObjectKey).ToHashSet(StringComparer.Ordinal);
        var wantedMetadata = manifest.Images.Select(i => i.MetadataKey).ToHashSet(StringComparer.Ordinal);
        var metadataKeys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var meta in _store.ListAsync(MetadataKeys.Prefix, cancellationToken))
        {
            metadataKeys.Add(meta.Key);
        }

        var delete = new List<PruneCandidate>();
        var unmanaged = new List<PruneCandidate>();
        var seenMetadata = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var obj in _store.ListAsync(prefix, cancellationToken))
        {
            if (wanted.Contains(obj.Key))
            {
                continue;
            }

            var metadataKey = MetadataKeys.ForObject(obj.Key, prefix);
            if (metadataKeys.Contains(metadataKey))
            {
                seenMetadata.Add(metadataKey);
                var metadata = await _store.ReadMetadataAsync(metadataKey, cancellationToken);
                delete.Add(new PruneCandidate(obj.Key, obj.Size, metadata?.Checksum ?? obj.Digest?.ToString(), metadataKey));
            }
            else
            {
                var candidate = new PruneCandidate(obj.Key, obj.Size, obj.Digest?.ToString(), null);
                (includeUnmanaged ? delete : unmanaged).Add(candidate);
            }
        }

        // Metadata whose image is gone: leftovers of an interrupted prune. Only under our prefix's namespace.
        var orphans = metadataKeys
            .Where(k => !wantedMetadata.Contains(k) && !seenMetadata.Contains(k))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new PrunePlan(delete, unmanaged, orphans);
    }
}
