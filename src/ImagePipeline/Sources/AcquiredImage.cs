using ImagePipeline.Verification;

namespace ImagePipeline.Sources;

/// <summary>
/// What Acquire hands to Verify: the output file in the work directory and the digests computed
/// while it was written. Nothing here is trusted until Verify compared the digests.
/// </summary>
/// <param name="ImageName">The manifest image.</param>
/// <param name="Path">Absolute path of the output file (decompressed when the source was compressed).</param>
/// <param name="Size">Size of the output file in bytes.</param>
/// <param name="SourceDigest">Digest of the bytes as obtained (source algorithm); null for packer builds.</param>
/// <param name="OutputDigest">Digest of the output file (validation algorithm).</param>
/// <param name="Fingerprint">Packer input fingerprint; null for other sources.</param>
public sealed record AcquiredImage(
    string ImageName,
    string Path,
    long Size,
    Checksum? SourceDigest,
    Checksum OutputDigest,
    string? Fingerprint = null);
