using ImagePipeline.Manifest;
using ImagePipeline.Progress;
using ImagePipeline.Sources;
using ImagePipeline.Sources.Packer;
using Serilog;
using Serilog.Core;

namespace ImagePipeline.Tests.Sources;

/// <summary>
/// The production <see cref="ImageAcquirer"/> (real readers, cache, pipeline) with test timings, streaming
/// each image into a file in <paramref name="workDirectory"/> so tests can read the bytes back.
/// </summary>
internal sealed class TestAcquirer(
    string workDirectory,
    AcquireOptions? options = null,
    Func<string, string?>? environment = null,
    string? cacheDirectory = null,
    long cacheMaxSize = long.MaxValue,
    PackerOptions? packer = null,
    ILogger? logger = null) : IDisposable
{
    private readonly ImageAcquirer _acquirer = ImageAcquirer.Create(
        new AcquisitionSettings(
            options ?? FastOptions.Create(),
            packer ?? new PackerOptions { WorkDirectory = Path.Combine(workDirectory, ".packer") },
            cacheDirectory,
            cacheMaxSize,
            environment ?? (_ => null)),
        logger ?? Logger.None);

    /// <summary>The progress of the last acquisition.</summary>
    public ImageProgress? Progress { get; private set; }

    public async Task<AcquiredFile> AcquireAsync(ImageDefinition image, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(workDirectory);
        var path = Path.Combine(workDirectory, image.Name + Path.GetExtension(image.DestinationPath));
        Progress = new ImageProgress(image.Name);
        var acquired = await _acquirer.AcquireAsync(image, (_, _) => Task.FromResult<ImagePipeline.IO.IByteSink>(new FileSink(path)), Progress, cancellationToken);
        return new AcquiredFile(acquired, path);
    }

    public void Dispose() => _acquirer.Dispose();
}

/// <summary>An acquisition and the file its output went to.</summary>
internal sealed record AcquiredFile(AcquiredImage Image, string Path)
{
    public ImagePipeline.Verification.Checksum? SourceDigest => Image.SourceDigest;

    public ImagePipeline.Verification.Checksum OutputDigest => Image.OutputDigest;

    public long Size => Image.Size;

    public string? Fingerprint => Image.Fingerprint;
}
