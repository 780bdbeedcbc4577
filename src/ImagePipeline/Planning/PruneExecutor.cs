using System.Globalization;
using ImagePipeline.Layout;
using ImagePipeline.Storage;

namespace ImagePipeline.Planning;

/// <summary>
/// Enforces the guards and carries out a <see cref="PrunePlan"/>, deleting exactly
/// <see cref="PrunePlan.Deletions"/> in order: each image first, then its metadata (an interrupted run
/// leaves orphan metadata, which the next prune removes, never an image that looks unmanaged).
/// Stops at the first error.
/// </summary>
public sealed class PruneExecutor
{
    private readonly IImageStore _store;

    public PruneExecutor(IImageStore store) => _store = store;

    /// <summary>
    /// Throws <see cref="PruneRefusedException"/> when the plan deletes more than <see cref="PruneOptions.MaxDelete"/>
    /// objects, or more than <see cref="PruneOptions.MaxDeletePercent"/> of the prefix's managed images (unless forced).
    /// </summary>
    public static void EnforceLimits(PrunePlan plan, PruneOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        if (plan.ObjectCount > options.MaxDelete)
        {
            throw new PruneRefusedException(
                $"refusing to prune: it would delete {plan.ObjectCount} objects ({plan.Delete.Count} images), more than --max-delete {options.MaxDelete}; " +
                "check the manifest, then raise --max-delete if this is intended");
        }

        var share = plan.ManagedImages == 0 ? 0 : 100.0 * plan.ManagedDeleted / plan.ManagedImages;
        if (share > options.MaxDeletePercent && !options.Force)
        {
            var shown = share.ToString("0.#", CultureInfo.InvariantCulture);
            throw new PruneRefusedException(
                $"refusing to prune: it would delete {plan.ManagedDeleted} of the {plan.ManagedImages} managed images under '{plan.Prefix}' ({shown}%), " +
                $"more than --max-delete-percent {options.MaxDeletePercent}; a manifest that lost most of its entries looks like this: check it, " +
                "then pass --force (or raise --max-delete-percent) if this is intended");
        }
    }

    /// <param name="onDeleted">Called after each object is gone, for the log and the summary.</param>
    public async Task ExecuteAsync(PrunePlan plan, PruneOptions options, Action<PruneDeletion> onDeleted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onDeleted);
        EnforceLimits(plan, options);
        foreach (var deletion in plan.Deletions)
        {
            // Last line of defence: whatever the plan says, nothing outside our two namespaces goes.
            if ((!deletion.Key.StartsWith(StoreLayout.ImagesRoot, StringComparison.Ordinal) && !deletion.Key.StartsWith(StoreLayout.MetadataRoot, StringComparison.Ordinal))
                || StoreLayout.IsCatalogKey(deletion.Key))
            {
                throw new PruneRefusedException(
                    $"refusing to delete '{deletion.Key}': Prune deletes only images under '{StoreLayout.ImagesRoot}' and their metadata under '{StoreLayout.MetadataRoot}'");
            }

            await _store.DeleteAsync(deletion.Key, cancellationToken);
            onDeleted(deletion);
        }
    }
}
