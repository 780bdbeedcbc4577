using System.Text;
using System.Text.Json;
using ImagePipeline.Layout;
using ImagePipeline.Metadata;
using ImagePipeline.Verification;

namespace ImagePipeline.Catalog;

/// <summary>
/// What the store publishes, for consumers that only see <c>images/</c> (the NAS after Cloud Sync, a PXE menu):
/// every image that has its object and readable metadata that agree, from the whole store. Never an image whose
/// metadata is missing (an interrupted or failed publish), never a link or an unmanaged file. Its files are
/// <c>images/SHA256SUMS</c> (always), <c>images/SHA512SUMS</c> (when an image uses sha512) and <c>images/index.json</c>.
/// </summary>
public sealed class ConsumerCatalog
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ConsumerCatalog(IReadOnlyList<CatalogEntry> entries, IReadOnlyList<(string Key, string Reason)> omitted)
    {
        Entries = entries;
        Omitted = omitted;
    }

    /// <summary>The listed images, by path.</summary>
    public IReadOnlyList<CatalogEntry> Entries { get; }

    /// <summary>Images with metadata that are left out because object and metadata disagree, and why.</summary>
    public IReadOnlyList<(string Key, string Reason)> Omitted { get; }

    /// <param name="inventory">The whole store (<see cref="StoreLayout.ImagesRoot"/>).</param>
    /// <param name="excluding">Image keys to leave out as if deleted (what a Prune will delete, for its dry run).</param>
    public static ConsumerCatalog From(StoreInventory inventory, IReadOnlySet<string>? excluding = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var entries = new List<CatalogEntry>();
        var omitted = new List<(string, string)>();
        foreach (var entry in inventory.Entries)
        {
            if (entry is not { Stored: { LinkTarget: null } stored, Metadata: { } metadata } || excluding?.Contains(entry.Key) == true)
            {
                continue;
            }

            var problem = stored.Size != metadata.Size ? $"its size {stored.Size} differs from its metadata's {metadata.Size}"
                : stored.Digest is { } digest && digest != metadata.Checksum ? $"the digest recorded with the object ({digest}) differs from its metadata's"
                : null;
            if (problem is null)
            {
                entries.Add(new CatalogEntry(StoreLayout.RelativeToImages(entry.Key), metadata.Name, metadata.Checksum, metadata.Size, metadata.UploadedAt, metadata.Source.Type));
            }
            else
            {
                omitted.Add((entry.Key, problem));
            }
        }

        return new ConsumerCatalog(entries, omitted);
    }

    /// <summary>The catalog's files by store key, in writing order (checksum files first, the index last).</summary>
    public IReadOnlyList<(string Key, byte[] Content, int Images)> Files()
    {
        var files = new List<(string, byte[], int)>();
        foreach (var algorithm in new[] { HashAlgorithmKind.Sha256, HashAlgorithmKind.Sha512 })
        {
            var listed = Entries.Where(e => e.Checksum.Algorithm == algorithm).ToList();
            if (algorithm == HashAlgorithmKind.Sha256 || listed.Count > 0)
            {
                files.Add((StoreLayout.ImagesRoot + StoreLayout.SumsName(algorithm), Encoding.UTF8.GetBytes(ChecksumFile.Render(listed.Select(e => (e.Path, e.Checksum)))), listed.Count));
            }
        }

        files.Add((StoreLayout.ImagesRoot + StoreLayout.IndexName, Index(), Entries.Count));
        return files;
    }

    /// <summary><c>{ "version": 1, "images": [{ name, path, checksum, size, uploadedAt, sourceType }] }</c>, deterministic.</summary>
    private byte[] Index()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteStartArray("images");
            foreach (var entry in Entries)
            {
                json.WriteStartObject();
                json.WriteString("name", entry.Name);
                json.WriteString("path", entry.Path);
                json.WriteString("checksum", entry.Checksum.ToString());
                json.WriteNumber("size", entry.Size);
                json.WriteString("uploadedAt", UtcTimestampJsonConverter.ToText(entry.UploadedAt));
                json.WriteString("sourceType", entry.SourceType);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
