using System.Text.Json;
using ImagePipeline.Build.Output;
using ImagePipeline.Engine;
using ImagePipeline.Manifest;
using ImagePipeline.Metadata;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    async Task ListAsync(CancellationToken cancellationToken)
    {
        var store = (await OpenStoreAsync(required: true, cancellationToken))!;
        var prefix = Prefix ?? "images/";
        var rows = new List<ListedImage>();
        await foreach (var obj in store.ListAsync(prefix, cancellationToken))
        {
            var relative = obj.Key.StartsWith("images/", StringComparison.Ordinal) ? obj.Key["images/".Length..] : obj.Key;
            var metadata = await store.ReadMetadataAsync(MetadataKeys.For(relative), cancellationToken);
            rows.Add(new ListedImage(obj.Key, obj.Size, metadata?.Checksum ?? obj.Digest?.ToString(), metadata?.UploadedAt, metadata?.Source.Type, metadata is not null));
        }

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
        Log.Information("{Count} object(s) under {Prefix} in {Store}", rows.Count, prefix, store.Description);
    }
}
