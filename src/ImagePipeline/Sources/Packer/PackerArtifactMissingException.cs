namespace ImagePipeline.Sources.Packer;

/// <summary>
/// Packer reported success but the manifest's <c>source.artifact</c> does not exist: the template
/// writes its output somewhere else. Permanent until the manifest or the template is fixed.
/// </summary>
public sealed class PackerArtifactMissingException : ImagePipelineException
{
    public PackerArtifactMissingException(string imageName, string artifact, string fullPath)
        : base($"{imageName}: packer build succeeded but source.artifact '{artifact}' does not exist ({fullPath}); " +
               "make source.artifact match where the template writes its output")
    {
        ImageName = imageName;
        Artifact = artifact;
        FullPath = fullPath;
    }

    public string ImageName { get; }

    /// <summary>source.artifact as written in the manifest (relative to the template directory).</summary>
    public string Artifact { get; }

    public string FullPath { get; }
}
