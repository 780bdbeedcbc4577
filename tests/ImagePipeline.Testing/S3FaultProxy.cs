using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ImagePipeline.Testing;

/// <summary>
/// A plain-HTTP reverse proxy on 127.0.0.1 in front of the test RGW, for S3 fault injection: point the store
/// at <see cref="Endpoint"/> and every request goes to the gateway unchanged (method, path, query, headers
/// including Host, so SigV4 signatures still verify; bodies streamed both ways), except those a
/// <see cref="Fail"/> rule picks, which get the rule's S3 error instead and never reach the gateway.
/// </summary>
public sealed class S3FaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Expect", "Proxy-Connection", "TE", "Trailer",
    };

    private readonly Uri _target;
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None });
    private readonly Lock _gate = new();
    private readonly List<(Func<HttpRequest, bool> Matches, int Status, string Code)> _rules = [];
    private WebApplication? _app;

    private S3FaultProxy(Uri target) => _target = target;

    /// <summary>The URL to use as the S3 endpoint.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Requests answered by a rule so far (method and path).</summary>
    public List<string> Failed { get; } = [];

    public static async Task<S3FaultProxy> StartAsync(Uri target)
    {
        var proxy = new S3FaultProxy(target);
        (proxy._app, proxy.Endpoint) = await LoopbackKestrel.StartAsync(proxy.HandleAsync, configure: kestrel => kestrel.Limits.MaxRequestBodySize = null);
        return proxy;
    }

    /// <summary>Answers requests that <paramref name="matches"/> with <paramref name="status"/> and S3 error <paramref name="code"/> (403 AccessDenied is permanent for the store, 500 InternalError retryable).</summary>
    public void Fail(Func<HttpRequest, bool> matches, int status = 403, string code = "AccessDenied")
    {
        lock (_gate)
        {
            _rules.Add((matches, status, code));
        }
    }

    /// <summary>A rule for PUTs of keys starting with <paramref name="keyPrefix"/> in any bucket (path-style: /bucket/key).</summary>
    public static Func<HttpRequest, bool> PutUnder(string keyPrefix) => request =>
        HttpMethods.IsPut(request.Method)
        && request.Path.Value is { } path
        && path.IndexOf('/', 1) is var slash and > 0
        && path[(slash + 1)..].StartsWith(keyPrefix, StringComparison.Ordinal);

    public void ClearRules()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackKestrel.StopAsync(_app);
        _client.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        (Func<HttpRequest, bool> Matches, int Status, string Code)? rule;
        lock (_gate)
        {
            rule = _rules.FirstOrDefault(r => r.Matches(request));
        }

        if (rule is { Matches: not null } fault)
        {
            lock (Failed)
            {
                Failed.Add($"{request.Method} {request.Path}");
            }

            context.Response.StatusCode = fault.Status;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{fault.Code}</Code><Message>injected by S3FaultProxy</Message></Error>",
                context.RequestAborted);
            return;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_target, request.Path.Value + request.QueryString.Value));
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            forward.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                forward.Content ??= new ByteArrayContent([]);
                forward.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _client.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        if (!HttpMethods.IsHead(request.Method))
        {
            await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
            await body.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
