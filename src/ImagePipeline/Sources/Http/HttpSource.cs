using ImagePipeline.Manifest;
using Serilog;

namespace ImagePipeline.Sources.Http;

/// <summary>
/// <c>type: http</c>: the body of an https URL as a stream that retries, resumes and watches its speed
/// (<see cref="HttpDownloadStream"/>), over one client shared by every image of the run.
/// </summary>
public sealed class HttpSource : ISourceReader, IDisposable
{
    private readonly AcquireOptions _options;
    private readonly ILogger _logger;
    private readonly HttpClient _client;

    /// <param name="environment">Environment lookup for SSL_CERT_FILE / SSL_CERT_DIR.</param>
    public HttpSource(AcquireOptions options, ILogger logger, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        _client = new SecureHttpClientFactory(environment, options.ConnectTimeout).CreateClient();
    }

    public bool CanRead(ImageSource source) => source is HttpImageSource;

    /// <summary>A <c>HEAD</c> (or one-byte ranged <c>GET</c>) through the same client and TLS set-up as downloads.</summary>
    public async Task<string> CheckAsync(ImageDefinition image, bool offline, CancellationToken cancellationToken)
    {
        var source = SourceOf(image);
        if (offline)
        {
            return "not checked (--offline)";
        }

        var probe = await new SourceProbe(_client, _options).ProbeAsync(source.Url, cancellationToken);
        return probe.Reachable
            ? $"{probe.StatusCode} ({probe.Method}){(probe.ContentLength is { } length ? ", " + ByteSize.Format(length) : "")}"
            : throw new DownloadException($"{image.Name}: source unreachable: {probe.Error ?? "HTTP " + probe.StatusCode}",
                probe.Url, probe.StatusCode, isRetryable: false);
    }

    public Task<OpenedSource> OpenAsync(ImageDefinition image, CancellationToken cancellationToken)
    {
        var source = SourceOf(image);
        _logger.Information("{Image}: downloading {Url}", image.Name, UrlDisplay.Safe(source.Url));
        var download = new HttpDownloadStream(new HttpsRedirectFollower(_client, _options.MaxRedirects), source.Url, image.Name, _options, _logger);
        return Task.FromResult(new OpenedSource(download));
    }

    public void Dispose() => _client.Dispose();

    private static HttpImageSource SourceOf(ImageDefinition image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Source as HttpImageSource ?? throw new ArgumentException($"{image.Name} is not an http source", nameof(image));
    }
}
