using ImagePipeline.Verification;

namespace ImagePipeline.Sources;

/// <summary>Sizes and digests of one completed pass.</summary>
public sealed record AcquisitionResult(long SourceSize, Checksum SourceDigest, long OutputSize, Checksum OutputDigest);
