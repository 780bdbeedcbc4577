namespace ImagePipeline.Compression;

/// <summary>The decoder a format needs cannot run here: its system library is missing.</summary>
public sealed class DecoderUnavailableException : ImagePipelineException
{
    public DecoderUnavailableException(string imageName, CompressionFormat format, string message)
        : base($"{imageName}: {message}")
    {
        ImageName = imageName;
        Format = format;
    }

    public string ImageName { get; }

    public CompressionFormat Format { get; }
}
