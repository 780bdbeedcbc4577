namespace ImagePipeline.Manifest;

/// <summary>A manifest could not be edited in place (no such image, or a layout the editor does not rewrite).</summary>
public sealed class ManifestEditException : ImagePipelineException
{
    public ManifestEditException(string imageName, string message, Exception? innerException = null)
        : base($"{imageName}: {message}", innerException)
    {
        ImageName = imageName;
    }

    public string ImageName { get; }
}
