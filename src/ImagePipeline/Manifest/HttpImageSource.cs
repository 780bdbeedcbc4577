using ImagePipeline.Compression;
using ImagePipeline.Verification;

namespace ImagePipeline.Manifest;

/// <summary><c>type: http</c>: an https:// URL with the published digest of the downloaded bytes.</summary>
/// <param name="Checksum">source.checksum. Never null from a strict load; null only in a manifest loaded
/// for Pin (<see cref="ManifestLoadOptions.ChecksumsOptional"/>) when it is absent or a placeholder.</param>
public sealed record HttpImageSource(Uri Url, Checksum? Checksum, CompressionFormat? Decompress) : ImageSource
{
    public override string Type => "http";
}
