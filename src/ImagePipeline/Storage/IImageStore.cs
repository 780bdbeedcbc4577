using ImagePipeline.Metadata;
using ImagePipeline.Verification;

namespace ImagePipeline.Storage;

/// <summary>
/// Where images and their metadata are published. Keys are relative, '/'-separated, and never start
/// with '/'. Contract every implementation keeps (tests/…/Storage/ImageStoreContract runs it on each):
/// <list type="bullet">
/// <item>A write is atomic: readers see the old object (or none) until the new one is complete;
/// a failed or cancelled upload leaves nothing visible and nothing incomplete behind.</item>
/// <item><see cref="UploadAsync"/> records the digest with the object and <see cref="StatAsync"/> returns it.
/// <see cref="ListAsync"/> returns it where that is cheap (directory store) and null where it would cost a
/// request per object (S3: ListObjectsV2 carries no user metadata) — callers needing it call Stat.</item>
/// <item>Metadata documents are objects too: <see cref="WriteMetadataAsync"/>/<see cref="ReadMetadataAsync"/> take
/// the document's own key (e.g. <c>metadata/talos/1.9.1/metal-amd64.raw.json</c>), and it is listed like any object.
/// A stored document that is not valid metadata raises <see cref="InvalidMetadataException"/>.</item>
/// <item>Keys follow <see cref="StoreKey"/> (no segment starting with '.'); stores keep their bookkeeping in dot-names,
/// which are never listed.</item>
/// <item>Missing objects are not errors: <see cref="StatAsync"/> and <see cref="ReadMetadataAsync"/>
/// return null, <see cref="DeleteAsync"/> does nothing.</item>
/// <item>Faults surface as <see cref="StoreException"/>, with <see cref="ImagePipelineException.IsRetryable"/> set for transient ones.</item>
/// </list>
/// </summary>
public interface IImageStore
{
    /// <summary>Human-readable location without secrets, e.g. <c>s3://bucket at https://host</c>.</summary>
    string Description { get; }

    Task UploadAsync(string key, string localPath, Checksum digest, CancellationToken cancellationToken);

    Task<StoredObject?> StatAsync(string key, CancellationToken cancellationToken);

    Task<ImageMetadata?> ReadMetadataAsync(string key, CancellationToken cancellationToken);

    Task WriteMetadataAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken);

    /// <summary>Every object whose key starts with <paramref name="prefix"/>, in key order.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Aborts incomplete (multipart) uploads under <paramref name="prefix"/> older than
    /// <paramref name="olderThan"/>; returns how many. Stores without such uploads return 0.</summary>
    Task<int> AbortIncompleteUploadsAsync(string prefix, TimeSpan olderThan, CancellationToken cancellationToken);
}
