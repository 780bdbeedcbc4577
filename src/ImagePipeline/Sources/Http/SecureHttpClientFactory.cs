using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace ImagePipeline.Sources.Http;

/// <summary>
/// The one place HTTP clients are made, for downloads and for Validate's probe: no automatic
/// redirects (we check every hop), no automatic decompression (we hash the bytes as served),
/// certificate validation always on, custom CAs from SSL_CERT_FILE / SSL_CERT_DIR, no total
/// timeout (downloads use a stall timeout instead).
/// </summary>
public sealed class SecureHttpClientFactory
{
    private readonly Func<string, string?> _environment;
    private readonly TimeSpan _connectTimeout;

    /// <param name="environment">Environment lookup (e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    public SecureHttpClientFactory(Func<string, string?> environment, TimeSpan? connectTimeout = null)
    {
        _environment = environment;
        _connectTimeout = connectTimeout ?? AcquireOptions.Default.ConnectTimeout;
    }

    /// <summary>A new client; the caller owns and disposes it.</summary>
    /// <exception cref="TrustStoreException">The custom CA variables point at unusable files.</exception>
    public HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = _connectTimeout,
        };

        if (CustomTrustStore.Load(_environment) is { } roots)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,

                // Same as the handler's default (CheckCertificateRevocationList = false).
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.AddRange(roots);
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("ImagePipeline/1.0");
        return client;
    }
}
