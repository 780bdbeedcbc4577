namespace ImagePipeline.Pinning;

/// <summary>What Pin did with an image's <c>source.checksum</c>.</summary>
public enum SourceChecksumStatus
{
    /// <summary>The manifest had a checksum and the download matched it; it is kept as written.</summary>
    Verified,

    /// <summary>The manifest had none (absent or a placeholder): the digest of this download was written
    /// (trust on first use).</summary>
    New,
}
