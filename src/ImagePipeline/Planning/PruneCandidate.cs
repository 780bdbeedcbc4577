namespace ImagePipeline.Planning;

/// <summary>A stored image the manifest no longer lists.</summary>
/// <param name="Key">Image object key (under the destination prefix).</param>
/// <param name="Size">Bytes.</param>
/// <param name="Checksum">Digest from its metadata (or the object), when known.</param>
/// <param name="MetadataKey">Its metadata key, when metadata exists; null for unmanaged objects.</param>
public sealed record PruneCandidate(string Key, long Size, string? Checksum, string? MetadataKey)
{
    /// <summary>Managed objects were published by this tool (they have metadata).</summary>
    public bool IsManaged => MetadataKey is not null;
}
