using ImagePipeline.Caching;
using ImagePipeline.Compression;
using ImagePipeline.Manifest;
using ImagePipeline.Sources.Http;
using Serilog;

namespace ImagePipeline.Sources;

/// <summary>
/// <c>type: http</c>: downloads over HTTPS (retries, resume, stall timeout, https-only redirects)
/// straight through the acquisition pipeline. With a cache, a source whose checksum is cached is
/// read from there instead, and a download whose digest equals <c>source.checksum</c> is admitted.
/// Without a checksum (Pin, trust on first use) the cache is neither read nor filled: only verified
/// bytes enter it.
/// </summary>
public sealed class HttpSourceHandler : IImageSourceHandler, IDisposable
{
    private readonly AcquireOptions _options;
    private readonly ILogger _logger;
    private readonly HttpClient _client;
    private readonly AcquisitionPipeline _pipeline;
    private readonly DownloadCache? _cache;
    private readonly IProgress<AcquireProgress> _progress;

    /// <param name="environment">Environment lookup for SSL_CERT_FILE / SSL_CERT_DIR.</param>
    public HttpSourceHandler(
        AcquireOptions options, ILogger logger, Func<string, string?> environment, IProgress<AcquireProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        _client = new SecureHttpClientFactory(environment, options.ConnectTimeout).CreateClient();
        _pipeline = new AcquisitionPipeline(options, new DecoderFactory(options.Decoder), logger);
        _cache = options.CacheDirectory is { } directory ? new DownloadCache(directory, logger) : null;
        _progress = progress ?? new LoggingProgressReporter(logger);
    }

    public bool CanHandle(ImageSource source) => source is HttpImageSource;

    public async Task<AcquiredImage> AcquireAsync(ImageDefinition image, string workDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Source is not HttpImageSource source)
        {
            throw new ArgumentException($"{image.Name} is not an http source", nameof(image));
        }

        var checksum = source.Checksum;
        if (checksum is not null && _cache?.Find(checksum) is { } cached)
        {
            _logger.Information("{Image}: using cached download {Path}", image.Name, cached);
            var file = FileSourceHandler.OpenSource(image.Name, cached);
            await using (file)
            {
                return await _pipeline.AcquireAsync(
                    image, checksum, source.Decompress, file, workDirectory, copyPath: null, _progress, cancellationToken);
            }
        }

        _logger.Information("{Image}: downloading {Url}", image.Name, UrlDisplay.Safe(source.Url));
        var copyPath = checksum is null ? null : _cache?.CreateTempPath(checksum);
        var download = new HttpDownloadStream(
            new HttpsRedirectFollower(_client, _options.MaxRedirects), source.Url, image.Name, _options, _logger);
        await using (download)
        {
            var acquired = await _pipeline.AcquireAsync(
                image, checksum, source.Decompress, download, workDirectory, copyPath, _progress, cancellationToken);
            if (copyPath is not null)
            {
                _cache!.Admit(copyPath, acquired.SourceDigest!, checksum!);
            }

            return acquired;
        }
    }

    public void Dispose() => _client.Dispose();
}
