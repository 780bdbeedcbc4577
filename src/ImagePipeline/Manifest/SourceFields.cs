using ImagePipeline.Compression;
using ImagePipeline.Verification;

namespace ImagePipeline.Manifest;

/// <summary>
/// What reading <c>source</c> produced. The parts are kept apart from <see cref="Source"/> so the
/// validation rules can still run (and report) when another source field was wrong.
/// </summary>
internal sealed record SourceFields(string? Type, ImageSource? Source, Checksum? Checksum, CompressionFormat? Decompress)
{
    public static SourceFields Invalid { get; } = new(null, null, null, null);
}
