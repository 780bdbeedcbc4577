namespace ImagePipeline.Sources.Acquisition;

/// <summary>The output grew beyond the size guard (a decompression bomb, or a wrong URL).</summary>
public sealed class ImageTooLargeException : ImagePipelineException
{
    public ImageTooLargeException(string imageName, long limit)
        : base($"{imageName}: output exceeds the maximum image size of {limit} bytes ({limit / (1024.0 * 1024 * 1024):0.##} GiB); raise --max-image-size if the image really is that large")
    {
        ImageName = imageName;
        Limit = limit;
    }

    public string ImageName { get; }

    public long Limit { get; }
}
