namespace ImagePipeline.Publishing;

/// <summary>A publishing step for one image cannot go on; the message says why and what to do.</summary>
public sealed class PublishException(string imageName, string message, Exception? innerException = null)
    : ImagePipelineException($"{imageName}: {message}", innerException)
{
    public string ImageName { get; } = imageName;
}
