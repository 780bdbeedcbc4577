using ImagePipeline.Metadata;
using ImagePipeline.Verification;

namespace ImagePipeline.Storage;

/// <summary>
/// Where images and their metadata are published. Keys are relative, '/'-separated, and never start
/// with '/'. Contract every implementation keeps (tests/…/Storage/ImageStoreContract runs it on each,
/// the in-memory fake included):
/// <list type="bullet">
/// <item>Images are written only through a staged upload (<see cref="BeginUploadAsync"/>): bytes go to
/// the store as they are written, but nothing is visible under the key — not in <see cref="StatAsync"/>,
/// not in <see cref="ListAsync"/> — until <see cref="IStagedUpload.CommitAsync"/>, which replaces any old
/// object atomically. Abort, cancellation, disposal without commit and a crash leave nothing visible; what
/// a crash leaves staged is removed by <see cref="AbortIncompleteUploadsAsync"/>.</item>
/// <item>The digest is declared when the upload begins (S3 records it then) and recorded with the object;
/// commit refuses any other digest. <see cref="StatAsync"/> returns it; <see cref="ListAsync"/> returns it
/// where that is cheap (directory store) and null where it would cost a request per object (S3).</item>
/// <item>Metadata documents are objects too: <see cref="WriteMetadataAsync"/>/<see cref="ReadMetadataAsync"/> take
/// the document's own key (e.g. <c>metadata/talos/1.9.1/metal-amd64.raw.json</c>), written atomically, listed
/// like any object. A stored document that is not valid metadata raises <see cref="InvalidMetadataException"/>.</item>
/// <item>Keys follow <see cref="StoreKey"/> (no segment starting with '.'); stores keep their bookkeeping
/// (staging, digests) in dot-names, which are never listed.</item>
/// <item>A store with links (a directory) never follows one: <see cref="ListAsync"/> reports a link as one entry with
/// <see cref="StoredObject.LinkTarget"/> set and does not descend into it, keys through a link read as missing and
/// are refused for writes, and deleting a link's own key removes the link, never what it points at.</item>
/// <item>Missing objects are not errors: <see cref="StatAsync"/> and <see cref="ReadMetadataAsync"/>
/// return null, <see cref="DeleteAsync"/> does nothing.</item>
/// <item>Faults surface as <see cref="StoreException"/>, with <see cref="ImagePipelineException.IsRetryable"/> set for
/// transient ones. No operation waits forever: one that makes no progress fails (retryable) within the
/// store's low-speed window.</item>
/// </list>
/// </summary>
public interface IImageStore
{
    /// <summary>Human-readable location without secrets, e.g. <c>s3://bucket at https://host</c>.</summary>
    string Description { get; }

    /// <summary>
    /// Fails fast, before any image is downloaded, when the store cannot be written: a directory that
    /// is not a directory, cannot be created or is read-only; a bucket that does not answer to these
    /// credentials. Throws a permanent <see cref="StoreException"/> saying what to fix.
    /// </summary>
    Task CheckAsync(CancellationToken cancellationToken);

    /// <summary>Starts a staged write of <paramref name="key"/> whose bytes will hash to <paramref name="digest"/>.</summary>
    Task<IStagedUpload> BeginUploadAsync(string key, Checksum digest, CancellationToken cancellationToken);

    Task<StoredObject?> StatAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// The object's bytes from <paramref name="offset"/> on, as a forward-only stream the caller disposes; null when
    /// there is no such object (a link in a directory store is none). Reads fail with <see cref="StoreException"/>
    /// (retryable for transient faults and for a read that makes no progress within the low-speed window); a
    /// caller resumes by opening again at the offset it reached.
    /// </summary>
    Task<Stream?> OpenReadAsync(string key, long offset, CancellationToken cancellationToken);

    Task<ImageMetadata?> ReadMetadataAsync(string key, CancellationToken cancellationToken);

    Task WriteMetadataAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken);

    /// <summary>Every object whose key starts with <paramref name="prefix"/>, in key order.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Removes staged uploads that <paramref name="filter"/> selects and that were never committed (a
    /// killed run's leftovers); returns how many. Stores that can tell (directory) never remove one whose
    /// writer is still alive.
    /// </summary>
    Task<int> AbortIncompleteUploadsAsync(StagedUploadFilter filter, CancellationToken cancellationToken);
}
