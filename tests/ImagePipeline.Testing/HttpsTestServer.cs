using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImagePipeline.Testing;

/// <summary>
/// A real Kestrel HTTPS server on 127.0.0.1 (random port) with a self-signed certificate made at
/// start-up (SAN 127.0.0.1 and localhost). Clients trust it explicitly: pass
/// <see cref="CertificatePemPath"/> as SSL_CERT_FILE. Paths are programmed with <see cref="Map"/>.
/// </summary>
public sealed class HttpsTestServer : IAsyncDisposable
{
    private readonly Dictionary<string, TestRoute> _routes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TempDirectory _directory = new("https-test-server");
    private WebApplication? _app;

    private HttpsTestServer(X509Certificate2 certificate)
    {
        Certificate = certificate;
        CertificatePemPath = _directory.Combine("server.pem");
        File.WriteAllText(CertificatePemPath, certificate.ExportCertificatePem());
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate (public part) as PEM, for SSL_CERT_FILE.</summary>
    public string CertificatePemPath { get; }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>An environment lookup that trusts this server (SSL_CERT_FILE) and knows nothing else.</summary>
    public Func<string, string?> TrustingEnvironment => name => name == "SSL_CERT_FILE" ? CertificatePemPath : null;

    public static async Task<HttpsTestServer> StartAsync()
    {
        var server = new HttpsTestServer(CreateCertificate());
        await server.StartAppAsync();
        return server;
    }

    public Uri Url(string path) => new(BaseUri, path);

    /// <summary>Serves <paramref name="route"/> at <paramref name="path"/> (replacing an earlier one).</summary>
    public TestRoute Map(string path, TestRoute route)
    {
        lock (_gate)
        {
            _routes[path] = route;
        }

        return route;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }

        Certificate.Dispose();
        _directory.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ImagePipeline test server", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // Round-trip through PKCS#12 so the private key is usable by the TLS stack.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }

    private async Task StartAppAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(Certificate)));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    private async Task HandleAsync(HttpContext context)
    {
        TestRoute? route;
        lock (_gate)
        {
            _routes.TryGetValue(context.Request.Path.Value ?? "/", out route);
        }

        if (route is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        var headers = context.Request.Headers;
        var number = route.Record(new RecordedRequest(
            context.Request.Method, context.Request.Path.Value ?? "/", headers.Range.FirstOrDefault(), headers.IfRange.FirstOrDefault()));
        var response = context.Response;
        if (route.Status is { } status)
        {
            response.StatusCode = status;
        }
        else if (route.RedirectTo is { } target)
        {
            response.StatusCode = route.RedirectStatus;
            response.Headers.Location = target.ToString();
        }
        else if (route.RefuseHead && HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = 405;
        }
        else if (number <= route.FailuresBeforeSuccess)
        {
            response.StatusCode = route.FailureStatus;
            if (route.RetryAfterSeconds is { } seconds)
            {
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }
        }
        else
        {
            var faulty = number - route.FailuresBeforeSuccess <= route.FaultyResponses;
            await ServeContentAsync(context, route, faulty);
        }
    }

    private static async Task ServeContentAsync(HttpContext context, TestRoute route, bool faulty)
    {
        var request = context.Request;
        var response = context.Response;
        var content = route.Content;
        long start = 0;
        var rangeHeader = request.Headers.Range.FirstOrDefault();
        var ifRange = request.Headers.IfRange.FirstOrDefault();
        if (route.AcceptRanges && rangeHeader is not null && (ifRange is null || ifRange == route.ETag))
        {
            start = ParseRangeStart(rangeHeader);
        }

        if (route.AcceptRanges)
        {
            response.Headers.AcceptRanges = "bytes";
        }

        if (route.ETag is not null)
        {
            response.Headers.ETag = route.ETag;
        }

        // The file changes on the server once this response is under way.
        route.ETag = route.ETagAfterFirstResponse ?? route.ETag;

        long end = content.Length;
        if (start > 0 || (rangeHeader is not null && route.AcceptRanges && (ifRange is null || ifRange == route.ETag)))
        {
            end = ParseRangeEnd(rangeHeader!, content.Length);
            response.StatusCode = 206;
            response.Headers.ContentRange = $"bytes {start}-{end - 1}/{content.Length}";
        }

        response.ContentLength = end - start;
        if (route.ContentType is not null)
        {
            response.ContentType = route.ContentType;
        }

        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        var limit = faulty ? route.TruncateAfter ?? route.ResetAfter ?? route.StallAfter ?? route.TrickleAfter : null;
        var stop = limit is { } l ? Math.Min(end, start + l) : end;
        for (var offset = start; offset < stop; offset += 64 * 1024)
        {
            var count = (int)Math.Min(64 * 1024, stop - offset);
            await response.Body.WriteAsync(content.AsMemory((int)offset, count), context.RequestAborted);
        }

        if (limit is null)
        {
            return;
        }

        await response.Body.FlushAsync(context.RequestAborted);
        if (route.TrickleAfter is not null)
        {
            // One byte now and then, for as long as the client listens: never silent, never useful.
            try
            {
                for (var offset = stop; offset < end; offset++)
                {
                    await Task.Delay(route.TrickleInterval, context.RequestAborted);
                    await response.Body.WriteAsync(content.AsMemory((int)offset, 1), context.RequestAborted);
                    await response.Body.FlushAsync(context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The client gave up on us, as it should.
            }
        }
        else if (route.StallAfter is not null)
        {
            try
            {
                await Task.Delay(route.StallDuration, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up on us, as it should.
            }
        }
        else if (route.ResetAfter is not null && context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            socket.LingerState = new LingerOption(true, 0);
        }

        context.Abort();
    }

    private static long ParseRangeStart(string range) =>
        long.Parse(range["bytes=".Length..range.IndexOf('-', StringComparison.Ordinal)], CultureInfo.InvariantCulture);

    private static long ParseRangeEnd(string range, long length)
    {
        var last = range[(range.IndexOf('-', StringComparison.Ordinal) + 1)..];
        return last.Length == 0 ? length : Math.Min(length, long.Parse(last, CultureInfo.InvariantCulture) + 1);
    }
}
