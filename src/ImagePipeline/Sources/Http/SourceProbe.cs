using System.Net;
using System.Net.Http.Headers;
using ImagePipeline.IO;

namespace ImagePipeline.Sources.Http;

/// <summary>
/// Validate's online check of an https source: <c>HEAD</c>, or a one-byte ranged <c>GET</c>
/// (<c>Range: bytes=0-0</c>) when the server refuses HEAD (405, 403, 501); redirects are followed
/// over https only. Uses the same client set-up (TLS, custom CAs) as downloads. Never throws for
/// a bad source: the answer is in the result.
/// </summary>
public sealed class SourceProbe(HttpClient client, AcquireOptions? options = null)
{
    private readonly AcquireOptions _options = options ?? AcquireOptions.Default;

    public async Task<SourceProbeResult> ProbeAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var follower = new HttpsRedirectFollower(client, _options.MaxRedirects);
        var method = "HEAD";
        using var timeout = new LowSpeedWatchdog(_options.LowSpeed, cancellationToken);
        try
        {
            var (response, finalUrl) = await follower.SendAsync(HttpMethod.Head, url, null, timeout.Token);
            if (response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.Forbidden or HttpStatusCode.NotImplemented)
            {
                response.Dispose();
                method = "GET";
                (response, finalUrl) = await follower.SendAsync(
                    HttpMethod.Get, url, request => request.Headers.Range = new RangeHeaderValue(0, 0), timeout.Token);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                return response.IsSuccessStatusCode
                    ? new SourceProbeResult(UrlDisplay.Strip(url), true, status, Length(response), method, null)
                    : new SourceProbeResult(UrlDisplay.Strip(url), false, status, null, method,
                        $"{UrlDisplay.Safe(finalUrl)} answered HTTP {status} {response.ReasonPhrase}");
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && HttpFailure.IsAttemptFailure(ex))
        {
            var failure = HttpFailure.From(ex, url, "source", _options.LowSpeed, timeout.Fired);
            return new SourceProbeResult(UrlDisplay.Strip(url), false, failure.StatusCode, null, method, failure.Message);
        }
    }

    private static long? Length(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.PartialContent
            ? response.Content.Headers.ContentRange?.Length
            : response.Content.Headers.ContentLength;
}
