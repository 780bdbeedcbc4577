namespace ImagePipeline.Compression;

/// <summary>A compressed stream is corrupt, truncated or not in the declared format.</summary>
public sealed class DecompressionException : ImagePipelineException
{
    public DecompressionException(string imageName, CompressionFormat format, string reason, Exception? innerException = null)
        : base($"{imageName}: corrupt {FormatName(format)} stream: {reason}", innerException)
    {
        ImageName = imageName;
        Format = format;
        Reason = reason;
    }

    public string ImageName { get; }

    public CompressionFormat Format { get; }

    public string Reason { get; }

    public static string FormatName(CompressionFormat format) => format switch
    {
        CompressionFormat.Xz => "xz",
        CompressionFormat.Gzip => "gzip",
        CompressionFormat.Zstd => "zstd",
        _ => format.ToString(),
    };
}
