using ImagePipeline.Verification;

namespace ImagePipeline.Storage;

/// <summary>An object as a store lists it.</summary>
/// <param name="Key">Full key, e.g. <c>images/talos/1.9.1/metal-amd64.raw</c>.</param>
/// <param name="Size">Bytes.</param>
/// <param name="LastModified">When the store last wrote it.</param>
/// <param name="Digest">The digest recorded with the object at upload (never derived from an ETag); null when unknown.</param>
public sealed record StoredObject(string Key, long Size, DateTimeOffset LastModified, Checksum? Digest)
{
    /// <summary>
    /// Set when the entry is a symbolic link (or junction) in a directory store: where it points, as written in
    /// the link. The store never follows it; the entry is not an image. Always null on S3.
    /// </summary>
    public string? LinkTarget { get; init; }
}
