using ImagePipeline.Storage;
using ImagePipeline.Verification;

namespace ImagePipeline.Planning;

/// <summary>A stored object under the manifest's prefix that the manifest does not list.</summary>
/// <param name="Key">Object key (under the destination prefix).</param>
/// <param name="Size">Bytes.</param>
/// <param name="Checksum">Digest from its metadata (or the object), when known.</param>
/// <param name="Metadata">Its metadata document as listed, when there is one; null for unmanaged objects and links.</param>
/// <param name="LinkTarget">Where it points, when it is a symbolic link in a directory store.</param>
public sealed record PruneCandidate(string Key, long Size, Checksum? Checksum, StoredObject? Metadata = null, string? LinkTarget = null)
{
    public string? MetadataKey => Metadata?.Key;

    /// <summary>Managed objects were published by this tool (they have metadata).</summary>
    public bool IsManaged => Metadata is not null;
}
