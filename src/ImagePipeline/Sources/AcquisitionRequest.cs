using ImagePipeline.Compression;
using ImagePipeline.Verification;

namespace ImagePipeline.Sources;

/// <summary>What one pass of <see cref="AcquisitionPipeline"/> computes and writes.</summary>
/// <param name="ImageName">For messages and progress.</param>
/// <param name="SourceAlgorithm">Algorithm of the digest of the bytes as obtained.</param>
/// <param name="Decompress">Decoder between source and output; null copies the bytes.</param>
/// <param name="OutputAlgorithm">Algorithm of the digest of the output file.</param>
/// <param name="OutputPath">The output file; written once, deleted on failure.</param>
/// <param name="CopyPath">Optional second file receiving the source bytes as obtained (the cache
/// entry being filled); deleted on failure.</param>
public sealed record AcquisitionRequest(
    string ImageName,
    HashAlgorithmKind SourceAlgorithm,
    CompressionFormat? Decompress,
    HashAlgorithmKind OutputAlgorithm,
    string OutputPath,
    string? CopyPath = null);
