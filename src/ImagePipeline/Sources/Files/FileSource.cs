using ImagePipeline.Manifest;

namespace ImagePipeline.Sources.Files;

/// <summary><c>type: file</c>: the local file, read once, sequentially.</summary>
public sealed class FileSource : ISourceReader
{
    public bool CanRead(ImageSource source) => source is FileImageSource;

    public Task<string> CheckAsync(ImageDefinition image, bool offline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var source = SourceOf(image);
        using var stream = Open(image.Name, source.FullPath);
        return Task.FromResult($"readable, {ByteSize.Format(stream.Length)}");
    }

    public Task<OpenedSource> OpenAsync(ImageDefinition image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Task.FromResult(new OpenedSource(Open(image.Name, SourceOf(image).FullPath)));
    }

    private static FileImageSource SourceOf(ImageDefinition image) =>
        image.Source as FileImageSource ?? throw new ArgumentException($"{image.Name} is not a file source", nameof(image));

    /// <summary>Opens a file for one sequential pass (no user-space buffering; the pipeline reads big chunks).</summary>
    public static FileStream Open(string imageName, string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SourceFileException(imageName, path, ex.Message, ex);
        }
    }
}
