using ImagePipeline.Compression;
using ImagePipeline.Verification;

namespace ImagePipeline.Manifest;

/// <summary><c>type: http</c>: an https:// URL with the published digest of the downloaded bytes.</summary>
public sealed record HttpImageSource(Uri Url, Checksum Checksum, CompressionFormat? Decompress) : ImageSource
{
    public override string Type => "http";
}
