using ImagePipeline.Compression;
using ImagePipeline.Verification;

namespace ImagePipeline.Manifest;

/// <summary><c>type: file</c>: a local file (vendor images behind a login, the quick start).</summary>
/// <param name="Path">Path as written in the manifest.</param>
/// <param name="FullPath">Absolute path (relative paths resolve against the repository root).</param>
/// <param name="Checksum">source.checksum. Never null from a strict load; null only in a manifest loaded
/// for Pin (<see cref="ManifestLoadOptions.ChecksumsOptional"/>) when it is absent or a placeholder.</param>
public sealed record FileImageSource(string Path, string FullPath, Checksum? Checksum, CompressionFormat? Decompress) : ImageSource
{
    public override string Type => "file";
}
