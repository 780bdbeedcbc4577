using ImagePipeline.Verification;

namespace ImagePipeline.Sources.Acquisition;

/// <summary>Sizes and digests of one completed pass; the digests cover exactly the bytes read and the bytes sent to the sink.</summary>
public sealed record AcquisitionResult(long SourceSize, Checksum SourceDigest, long OutputSize, Checksum OutputDigest);
