using System.Text.Json;
using ImagePipeline.Build.Output;
using ImagePipeline.Engine;
using ImagePipeline.Manifest;
using ImagePipeline.Planning;
using ImagePipeline.Storage;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    async Task ListAsync(CancellationToken cancellationToken)
    {
        var store = (await OpenStoreAsync(required: true, cancellationToken))!;
        var prefix = Prefix ?? PrunePlanner.ImagesRoot;
        var objects = new List<StoredObject>();
        await foreach (var obj in store.ListAsync(prefix, cancellationToken))
        {
            objects.Add(obj);
        }

        // One metadata read per object: in parallel, as Diff does, so a large store lists in seconds.
        var rows = new ListedImage[objects.Count];
        await Parallel.ForAsync(0, objects.Count, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var obj = objects[i];
            var metadata = await store.ReadMetadataAsync(MetadataKeys.ForObject(obj.Key, PrunePlanner.ImagesRoot), ct);
            rows[i] = new ListedImage(obj.Key, obj.Size, metadata?.Checksum ?? obj.Digest?.ToString(), metadata?.UploadedAt, metadata?.Source.Type, metadata is not null);
        });

        if (Json)
        {
            Output.WriteLine(JsonSerializer.Serialize(rows, ListedImage.JsonOptions));
            return;
        }

        var table = new TextTable("Path", "Size", "Digest", "Uploaded", "Source");
        foreach (var row in rows)
        {
            table.Add(row.Key, ByteSize.Format(row.Size), row.Checksum?[..Math.Min(19, row.Checksum.Length)] ?? "-",
                row.UploadedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-", row.Managed ? row.SourceType : "(unmanaged)");
        }

        table.WriteTo(Output.WriteLine);
        Log.Information("{Count} object(s) under {Prefix} in {Store}", rows.Length, prefix, store.Description);
    }
}
