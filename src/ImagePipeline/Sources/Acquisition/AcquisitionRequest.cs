using ImagePipeline.Caching;
using ImagePipeline.Compression;
using ImagePipeline.IO;
using ImagePipeline.Progress;
using ImagePipeline.Verification;

namespace ImagePipeline.Sources.Acquisition;

/// <summary>What one run of <see cref="AcquisitionPipeline"/> computes and where its bytes go.</summary>
/// <param name="ImageName">For messages.</param>
/// <param name="SourceAlgorithm">Algorithm of the digest of the bytes as obtained.</param>
/// <param name="Decompress">Decoder between source and output; null passes the bytes on unchanged.</param>
/// <param name="OutputAlgorithm">Algorithm of the digest of the output (the bytes sent to the sink).</param>
/// <param name="OpenSink">Opens where the output goes (a staged upload); called again after a restart from byte 0.</param>
/// <param name="CacheCopy">Receives the source bytes as obtained (a cache entry being filled), best effort; may be null.</param>
/// <param name="Progress">Counts source and output bytes; may be null.</param>
public sealed record AcquisitionRequest(
    string ImageName,
    HashAlgorithmKind SourceAlgorithm,
    CompressionFormat? Decompress,
    HashAlgorithmKind OutputAlgorithm,
    Func<CancellationToken, Task<IByteSink>> OpenSink,
    CacheEntryWriter? CacheCopy = null,
    ImageProgress? Progress = null);
