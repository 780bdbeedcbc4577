using ImagePipeline.Compression;
using ImagePipeline.Verification;

namespace ImagePipeline.Manifest;

/// <summary><c>type: file</c>: a local file (vendor images behind a login, the quick start).</summary>
/// <param name="Path">Path as written in the manifest.</param>
/// <param name="FullPath">Absolute path (relative paths resolve against the repository root).</param>
public sealed record FileImageSource(string Path, string FullPath, Checksum Checksum, CompressionFormat? Decompress) : ImageSource
{
    public override string Type => "file";
}
