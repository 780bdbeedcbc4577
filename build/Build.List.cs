using System.Text.Json;
using ImagePipeline.Build.Output;
using ImagePipeline.Engine;
using ImagePipeline.Layout;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    async Task ListAsync(CancellationToken cancellationToken)
    {
        var store = (await OpenStoreAsync(required: true, cancellationToken))!;
        var prefix = Prefix ?? StoreLayout.ImagesRoot;
        if (!prefix.StartsWith(StoreLayout.ImagesRoot, StringComparison.Ordinal))
        {
            throw new UsageException($"--prefix '{prefix}' is not under '{StoreLayout.ImagesRoot}': List shows images, which all live there (e.g. --prefix {StoreLayout.ImagesRoot}talos/).");
        }

        var inventory = await StoreInventory.ReadAsync(store, prefix, parallelism: 32, cancellationToken);
        var rows = inventory.Entries.Where(e => e.Stored is not null).Select(ListedImage.From).ToList();
        if (Json)
        {
            Output.WriteLine(JsonSerializer.Serialize(rows, ListedImage.JsonOptions));
            return;
        }

        var table = new TextTable("Path", "Size", "Digest", "Uploaded", "Source");
        foreach (var row in rows)
        {
            table.Add(row.Key, ByteSize.Format(row.Size), row.Checksum?[..Math.Min(19, row.Checksum.Length)] ?? "-",
                row.UploadedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-", row.Origin);
        }

        table.WriteTo(Output.WriteLine);
        Log.Information("{Count} object(s) under {Prefix} in {Store}", rows.Count, prefix, store.Description);
        foreach (var entry in inventory.Entries.Where(e => e.MetadataProblem is not null))
        {
            Log.Warning("{Key}: its metadata {Metadata} cannot be read ({Problem}); the next Sync of an image at this path publishes it again", entry.Key, entry.MetadataKey, entry.MetadataProblem);
        }

        if (inventory.CatalogFiles.Count > 0)
        {
            Log.Information("Catalog (written by the pipeline for consumers): {Files}", string.Join(", ", inventory.CatalogFiles.Select(f => f.Key)));
        }
    }
}
