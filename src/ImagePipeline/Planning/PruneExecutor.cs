using ImagePipeline.Manifest;
using ImagePipeline.Storage;

namespace ImagePipeline.Planning;

/// <summary>
/// Carries out a <see cref="PrunePlan"/>: each image first, then its metadata (an interrupted run
/// leaves orphan metadata, which the next prune removes, never an image that looks unmanaged).
/// Stops at the first error, after enforcing the deletion limit.
/// </summary>
public sealed class PruneExecutor
{
    private readonly IImageStore _store;

    public PruneExecutor(IImageStore store) => _store = store;

    /// <summary>Throws <see cref="PruneRefusedException"/> when the plan deletes more than <paramref name="maxDelete"/> objects.</summary>
    public static void EnforceLimit(PrunePlan plan, int maxDelete)
    {
        if (plan.ObjectCount > maxDelete)
        {
            throw new PruneRefusedException(
                $"refusing to prune: it would delete {plan.ObjectCount} objects ({plan.Delete.Count} images), more than --max-delete {maxDelete}; " +
                "check the manifest, then raise --max-delete if this is intended");
        }
    }

    /// <param name="onDeleted">Called after each image (with its metadata) is gone, for the summary.</param>
    public async Task ExecuteAsync(PrunePlan plan, int maxDelete, Action<PruneCandidate> onDeleted, CancellationToken cancellationToken)
    {
        EnforceLimit(plan, maxDelete);
        foreach (var candidate in plan.Delete)
        {
            await DeleteAsync(candidate.Key, cancellationToken);
            if (candidate.MetadataKey is { } metadataKey)
            {
                await DeleteAsync(metadataKey, cancellationToken);
            }

            onDeleted(candidate);
        }

        foreach (var orphan in plan.OrphanMetadata)
        {
            await DeleteAsync(orphan, cancellationToken);
        }
    }

    private Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        // Last line of defence: whatever the plan says, nothing outside our two namespaces goes.
        if (!key.StartsWith(PrunePlanner.ImagesRoot, StringComparison.Ordinal) && !key.StartsWith(MetadataKeys.Prefix, StringComparison.Ordinal))
        {
            throw new PruneRefusedException($"refusing to delete '{key}': outside '{PrunePlanner.ImagesRoot}' and '{MetadataKeys.Prefix}'");
        }

        return _store.DeleteAsync(key, cancellationToken);
    }
}
