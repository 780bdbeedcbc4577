using ImagePipeline.Compression;
using ImagePipeline.Manifest;
using Serilog;

namespace ImagePipeline.Sources;

/// <summary><c>type: file</c>: streams the local file through the acquisition pipeline.</summary>
public sealed class FileSourceHandler : IImageSourceHandler
{
    private readonly AcquisitionPipeline _pipeline;
    private readonly IProgress<AcquireProgress> _progress;

    public FileSourceHandler(AcquireOptions options, ILogger logger, IProgress<AcquireProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _pipeline = new AcquisitionPipeline(options, new DecoderFactory(options.Decoder), logger);
        _progress = progress ?? new LoggingProgressReporter(logger);
    }

    public bool CanHandle(ImageSource source) => source is FileImageSource;

    public async Task<AcquiredImage> AcquireAsync(ImageDefinition image, string workDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Source is not FileImageSource source)
        {
            throw new ArgumentException($"{image.Name} is not a file source", nameof(image));
        }

        var stream = OpenSource(image.Name, source.FullPath);
        await using (stream)
        {
            return await _pipeline.AcquireAsync(
                image, source.Checksum, source.Decompress, stream, workDirectory, copyPath: null, _progress, cancellationToken);
        }
    }

    /// <summary>Opens a source file for one sequential pass (no user-space buffering; the pipeline reads big chunks).</summary>
    internal static FileStream OpenSource(string imageName, string path)
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
