namespace ImagePipeline.Sources.Files;

/// <summary>A <c>type: file</c> source cannot be read.</summary>
public sealed class SourceFileException(string imageName, string path, string reason, Exception? innerException = null)
    : ImagePipelineException($"{imageName}: source.path '{path}' cannot be read: {reason}", innerException)
{
    public string ImageName { get; } = imageName;

    public string Path { get; } = path;
}
