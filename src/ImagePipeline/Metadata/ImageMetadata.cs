using ImagePipeline.Layout;
using ImagePipeline.Verification;

namespace ImagePipeline.Metadata;

/// <summary>
/// The JSON document stored at <see cref="StoreLayout.MetadataKeyFor"/> of its image, written after the image
/// upload completed. Its presence with a matching <see cref="Checksum"/> is what makes an image
/// "unchanged" for Sync.
/// </summary>
public sealed record ImageMetadata
{
    public required string Name { get; init; }

    /// <summary>
    /// The manifest's <c>destinationPrefix</c> the image was published under: Prune deletes only images of its own
    /// prefix, so manifests with nested prefixes (<c>images/</c>, <c>images/b/</c>) share a store safely. Null in
    /// documents written before it existed, which count as <c>images/</c>.
    /// </summary>
    public string? DestinationPrefix { get; init; }

    /// <summary>Digest of the stored image; on the store <c>sha256:&lt;hex&gt;</c> or <c>sha512:&lt;hex&gt;</c> (anything else makes the document invalid).</summary>
    public required Checksum Checksum { get; init; }

    public required long Size { get; init; }

    public required DateTimeOffset UploadedAt { get; init; }

    public required MetadataSource Source { get; init; }

    /// <summary>Digest of the downloaded (possibly compressed) bytes; null for packer builds.</summary>
    public Checksum? SourceChecksum { get; init; }

    /// <summary>Packer input fingerprint; null for other sources.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>The tool that built the image, e.g. <c>packer 1.6.6</c>; null for downloads.</summary>
    public string? BuiltWith { get; init; }

    public required string ToolVersion { get; init; }

    /// <summary>The prefix that owns the image: <see cref="DestinationPrefix"/>, or <c>images/</c> for older documents.</summary>
    public string OwnerPrefix() => DestinationPrefix ?? StoreLayout.ImagesRoot;
}
