using ImagePipeline.Caching;
using ImagePipeline.Compression;
using ImagePipeline.IO;
using ImagePipeline.Manifest;
using ImagePipeline.Progress;
using ImagePipeline.Sources.Acquisition;
using ImagePipeline.Sources.Files;
using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Sources;

/// <summary>
/// Acquires images of every source kind through the one <see cref="AcquisitionPipeline"/>: picks the
/// reader, reads an http source from the download cache when it holds <c>source.checksum</c> (else
/// downloads it and fills the cache on the way, best effort), and streams the bytes into the sink the
/// caller opens. Shared by the images of a run (one HTTP client, one cache).
/// </summary>
public sealed class ImageAcquirer : IDisposable
{
    private readonly IReadOnlyList<ISourceReader> _readers;
    private readonly DownloadCache? _cache;
    private readonly AcquisitionPipeline _pipeline;
    private readonly ILogger _logger;

    public ImageAcquirer(AcquireOptions options, IReadOnlyList<ISourceReader> readers, DownloadCache? cache, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _readers = readers;
        _cache = cache;
        _logger = logger;
        _pipeline = new AcquisitionPipeline(options, new DecoderFactory(options.Decoder), logger);
    }

    /// <summary>The production readers (https, file, packer) and cache.</summary>
    public static ImageAcquirer Create(AcquisitionSettings settings, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ISourceReader[] readers =
        [
            new Http.HttpSource(settings.Acquire, logger, settings.Environment),
            new FileSource(),
            new Packer.PackerSource(logger, settings.Packer, settings.Environment),
        ];
        var cache = settings.CacheDirectory is { } directory ? new DownloadCache(directory, logger, settings.CacheMaxSize) : null;
        return new ImageAcquirer(settings.Acquire, readers, cache, logger);
    }

    public ISourceReader ReaderFor(ImageDefinition image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return _readers.FirstOrDefault(r => r.CanRead(image.Source))
            ?? throw new InvalidOperationException($"{image.Name}: no reader for source type '{image.Source.Type}'");
    }

    /// <summary>
    /// Streams <paramref name="image"/> into a sink from <paramref name="openSink"/>, which receives the digest
    /// the output is declared to have (the manifest's expected digest, or a build's own digest; null when
    /// neither is known, as for Pin) and is called again after a restart from byte 0.
    /// </summary>
    public async Task<AcquiredImage> AcquireAsync(
        ImageDefinition image,
        Func<Checksum?, CancellationToken, Task<IByteSink>> openSink,
        ImageProgress? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(openSink);
        var sourceChecksum = SourceChecksumOf(image.Source);
        var (opened, copy) = await OpenAsync(image, sourceChecksum, cancellationToken);
        await using (opened)
        await using (copy)
        {
            var declared = opened.Built?.Digest ?? image.ExpectedOutput;
            var request = new AcquisitionRequest(
                image.Name,
                sourceChecksum?.Algorithm ?? image.ValidationAlgorithm,
                DecompressionOf(image.Source),
                image.ExpectedOutput?.Algorithm ?? image.ValidationAlgorithm,
                ct => openSink(declared, ct),
                copy,
                progress);
            var result = await _pipeline.RunAsync(request, opened.Stream, cancellationToken);
            if (copy is not null && sourceChecksum is not null)
            {
                await copy.AdmitAsync(result.SourceDigest);
            }

            _logger.Information(
                "{Image}: acquired {SourceSize} source bytes ({SourceDigest}) -> {OutputSize} output bytes ({OutputDigest})",
                image.Name, result.SourceSize, result.SourceDigest, result.OutputSize, result.OutputDigest);
            return new AcquiredImage(
                image.Name, result.OutputSize, opened.Built is null ? result.SourceDigest : null, result.OutputDigest, opened.Built,
                (opened.Stream as Http.HttpDownloadStream)?.MediaType);
        }
    }

    public void Dispose()
    {
        foreach (var reader in _readers.OfType<IDisposable>())
        {
            reader.Dispose();
        }
    }

    private async Task<(OpenedSource Source, CacheEntryWriter? Copy)> OpenAsync(
        ImageDefinition image, Checksum? sourceChecksum, CancellationToken cancellationToken)
    {
        // Only verified bytes enter the cache, so without a checksum (Pin, trust on first use) it is not used.
        if (image.Source is not HttpImageSource || _cache is null || sourceChecksum is null)
        {
            return (await ReaderFor(image).OpenAsync(image, cancellationToken), null);
        }

        if (_cache.Find(sourceChecksum) is { } cached)
        {
            _logger.Information("{Image}: using cached download {Path}", image.Name, cached);
            return (new OpenedSource(FileSource.Open(image.Name, cached)), null);
        }

        return (await ReaderFor(image).OpenAsync(image, cancellationToken), _cache.BeginEntry(image.Name, sourceChecksum));
    }

    private static Checksum? SourceChecksumOf(ImageSource source) => source switch
    {
        HttpImageSource http => http.Checksum,
        FileImageSource file => file.Checksum,
        _ => null,
    };

    private static CompressionFormat? DecompressionOf(ImageSource source) => source switch
    {
        HttpImageSource http => http.Decompress,
        FileImageSource file => file.Decompress,
        _ => null,
    };
}
