using ImagePipeline.Compression;
using ImagePipeline.Verification;

namespace ImagePipeline.Manifest;

/// <summary>
/// What reading <c>source</c> produced. The parts are kept apart from <see cref="Source"/> so the
/// validation rules can still run (and report) when another source field was wrong.
/// </summary>
/// <param name="HasDecompress">The source names a <c>decompress</c> format, valid or not: the published
/// file is then not the downloaded one, whatever the format turns out to be.</param>
/// <param name="PlaceholderAlgorithm">Loading for Pin: the algorithm a placeholder <c>checksum</c> names, if any.</param>
internal sealed record SourceFields(
    string? Type,
    ImageSource? Source,
    Checksum? Checksum,
    CompressionFormat? Decompress,
    bool HasDecompress,
    HashAlgorithmKind? PlaceholderAlgorithm = null)
{
    public static SourceFields Invalid { get; } = new(null, null, null, null, HasDecompress: false);
}
