namespace ImagePipeline.Manifest;

/// <summary><c>type: packer</c>: a template directory built with the packer CLI.</summary>
/// <param name="Path">Template directory as written in the manifest (relative to the repository root).</param>
/// <param name="FullPath">Absolute template directory.</param>
/// <param name="Artifact">Artifact path relative to the template directory.</param>
/// <param name="Variables">Packer variables; values may hold <c>${env:NAME}</c> references.</param>
public sealed record PackerImageSource(
    string Path,
    string FullPath,
    string Artifact,
    IReadOnlyDictionary<string, string> Variables) : ImageSource
{
    public override string Type => "packer";
}
