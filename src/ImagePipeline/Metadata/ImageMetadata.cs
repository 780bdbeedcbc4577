namespace ImagePipeline.Metadata;

/// <summary>
/// The JSON document stored at <c>metadata/&lt;destination.path&gt;.json</c>, written after the image
/// upload completed. Its presence with a matching <see cref="Checksum"/> is what makes an image
/// "unchanged" for Sync.
/// </summary>
public sealed record ImageMetadata
{
    public required string Name { get; init; }

    /// <summary>Digest of the stored image, <c>sha256:&lt;hex&gt;</c> or <c>sha512:&lt;hex&gt;</c>.</summary>
    public required string Checksum { get; init; }

    public required long Size { get; init; }

    public required DateTimeOffset UploadedAt { get; init; }

    public required MetadataSource Source { get; init; }

    /// <summary>Digest of the downloaded (possibly compressed) bytes; null for packer builds.</summary>
    public string? SourceChecksum { get; init; }

    /// <summary>Packer input fingerprint; null for other sources.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>The tool that built the image, e.g. <c>packer 1.6.6</c>; null for downloads.</summary>
    public string? BuiltWith { get; init; }

    public required string ToolVersion { get; init; }
}
