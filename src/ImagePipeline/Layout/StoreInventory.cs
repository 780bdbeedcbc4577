using ImagePipeline.Metadata;
using ImagePipeline.Storage;

namespace ImagePipeline.Layout;

/// <summary>
/// What a store holds under an image prefix, joined with its metadata by <see cref="StoreLayout"/>: one listing
/// of the images, one of the mirrored metadata folder, and one read per metadata document (in parallel, so a
/// store of hundreds of images is read in seconds). List, Prune, the catalog and Audit all read the store
/// through this one join.
/// </summary>
/// <param name="Entries">Every image key with an object or a metadata document, in key order (catalog files excluded).</param>
/// <param name="CatalogFiles">The catalog's own files found (<see cref="StoreLayout.CatalogKeys"/>).</param>
public sealed record StoreInventory(IReadOnlyList<InventoryEntry> Entries, IReadOnlyList<StoredObject> CatalogFiles)
{
    /// <param name="prefix">Keys under this prefix; it must start with <c>images/</c> (<c>images/</c> itself: the whole store).</param>
    /// <exception cref="ArgumentException">The prefix is not under <c>images/</c>.</exception>
    public static async Task<StoreInventory> ReadAsync(IImageStore store, string prefix, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var metadataPrefix = StoreLayout.MetadataFolderFor(prefix);
        var objects = new Dictionary<string, StoredObject>(StringComparer.Ordinal);
        var catalog = new List<StoredObject>();
        await foreach (var obj in store.ListAsync(prefix, cancellationToken))
        {
            if (StoreLayout.IsCatalogKey(obj.Key))
            {
                catalog.Add(obj);
            }
            else
            {
                objects[obj.Key] = obj;
            }
        }

        var documents = new Dictionary<string, StoredObject>(StringComparer.Ordinal);
        await foreach (var meta in store.ListAsync(metadataPrefix, cancellationToken))
        {
            if (StoreLayout.ImageKeyFor(meta.Key) is { } image && image.StartsWith(prefix, StringComparison.Ordinal))
            {
                documents[image] = meta;
            }
        }

        var keys = objects.Keys.Union(documents.Keys).Order(StringComparer.Ordinal).ToList();
        var entries = new InventoryEntry[keys.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, keys.Count, options, async (i, ct) =>
        {
            var key = keys[i];
            var obj = objects.GetValueOrDefault(key);
            if (!documents.TryGetValue(key, out var document))
            {
                entries[i] = new InventoryEntry(key, obj, null, null, null);
                return;
            }

            try
            {
                entries[i] = new InventoryEntry(key, obj, document, await store.ReadMetadataAsync(document.Key, ct), null);
            }
            catch (InvalidMetadataException e)
            {
                entries[i] = new InventoryEntry(key, obj, document, null, e.Reason);
            }
        });
        return new StoreInventory(entries, catalog);
    }
}
