using ImagePipeline.Verification;

namespace ImagePipeline.Sources;

/// <summary>
/// What an acquisition computed while the image streamed into its sink. Nothing here is trusted
/// until Verify compared the digests.
/// </summary>
/// <param name="ImageName">The manifest image.</param>
/// <param name="Size">Bytes sent to the sink (decompressed when the source was compressed).</param>
/// <param name="SourceDigest">Digest of the bytes as obtained (source algorithm); null for packer builds.</param>
/// <param name="OutputDigest">Digest of the bytes sent to the sink (validation algorithm).</param>
/// <param name="Built">For packer: the build-time digest of the artifact, its input fingerprint and the Packer version.</param>
/// <param name="MediaType">The Content-Type an https source was served with, for the mismatch message (a login page is text/html).</param>
public sealed record AcquiredImage(
    string ImageName,
    long Size,
    Checksum? SourceDigest,
    Checksum OutputDigest,
    OpenedSource.BuildResult? Built = null,
    string? MediaType = null)
{
    public string? Fingerprint => Built?.Fingerprint;
}
