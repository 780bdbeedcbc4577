using System.Security.Cryptography;
using ImagePipeline.Layout;
using ImagePipeline.Storage;
using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Catalog;

/// <summary>
/// Keeps the consumer catalog (<see cref="ConsumerCatalog"/>) in step with the whole store: reads every image and
/// its metadata, and rewrites only the catalog files whose content changed, each atomically (a staged upload, as
/// images are), checksum files before the index; a checksum file no image needs any more is deleted. Callers run it
/// last, after all metadata. Two writers at once are not coordinated here: the build runs it once per run, and CI
/// once after all matrix legs.
/// </summary>
public sealed class CatalogWriter(IImageStore store, ILogger logger, int parallelism = 32)
{
    /// <summary>The catalog the store calls for now, and which files writing it would change.</summary>
    /// <param name="excluding">Image keys to treat as deleted (a Prune's dry run shows the catalog after its deletions).</param>
    public async Task<(ConsumerCatalog Catalog, IReadOnlyList<CatalogChange> Changes)> PlanAsync(IReadOnlySet<string>? excluding, CancellationToken cancellationToken)
    {
        var inventory = await StoreInventory.ReadAsync(store, StoreLayout.ImagesRoot, parallelism, cancellationToken);
        var catalog = ConsumerCatalog.From(inventory, excluding);
        return (catalog, await ChangesAsync(catalog, inventory, cancellationToken));
    }

    /// <summary>Which catalog files differ from <paramref name="catalog"/> (Audit reports a stale catalog with it).</summary>
    /// <param name="inventory">The store as read for the catalog (its catalog files are compared).</param>
    public async Task<IReadOnlyList<CatalogChange>> ChangesAsync(ConsumerCatalog catalog, StoreInventory inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(inventory);
        var existing = inventory.CatalogFiles.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var changes = new List<CatalogChange>();
        var files = catalog.Files();
        foreach (var (key, content, images) in files)
        {
            var stored = existing.Contains(key) ? await store.StatAsync(key, cancellationToken) : null;
            if (stored is null || stored.Size != content.Length || stored.Digest != DigestOf(content))
            {
                changes.Add(new CatalogChange(key, Deleted: false, images));
            }
        }

        changes.AddRange(existing.Where(k => files.All(f => f.Key != k)).Order(StringComparer.Ordinal).Select(k => new CatalogChange(k, Deleted: true, 0)));
        return changes;
    }

    /// <summary>Rewrites what changed; returns the changes (empty when the catalog was already current).</summary>
    /// <param name="startedAt">When this run started: catalog uploads that dead runs left staged before it are removed first.</param>
    public async Task<IReadOnlyList<CatalogChange>> WriteAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await store.AbortIncompleteUploadsAsync(StagedUploadFilter.ForKeys(StoreLayout.CatalogKeys, startedAt), cancellationToken);
        var (catalog, changes) = await PlanAsync(excluding: null, cancellationToken);
        foreach (var (key, reason) in catalog.Omitted)
        {
            logger.Warning("Catalog: leaving out {Key}: {Reason}; the next Sync of that image publishes it again", key, reason);
        }

        var contents = catalog.Files().ToDictionary(f => f.Key, f => f.Content, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Deleted)
            {
                await store.DeleteAsync(change.Key, cancellationToken);
                continue;
            }

            var content = contents[change.Key];
            var digest = DigestOf(content);
            await using var upload = await store.BeginUploadAsync(change.Key, digest, cancellationToken);
            await upload.WriteAsync(content, cancellationToken);
            await upload.CommitAsync(digest, cancellationToken);
        }

        return changes;
    }

    private static Checksum DigestOf(byte[] content) => Checksum.FromBytes(HashAlgorithmKind.Sha256, SHA256.HashData(content));
}
