using System.Net;

namespace ImagePipeline.Sources.Http;

/// <summary>
/// Sends a request and follows redirects itself (the handler's automatic redirects are off), so
/// every hop is checked: https only, at most <c>maxRedirects</c> hops.
/// </summary>
internal sealed class HttpsRedirectFollower(HttpClient client, int maxRedirects)
{
    /// <returns>The first non-redirect response (caller disposes) and the URL that produced it.</returns>
    public async Task<(HttpResponseMessage Response, Uri Url)> SendAsync(
        HttpMethod method, Uri url, Action<HttpRequestMessage>? configure, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            throw new DownloadException($"{UrlDisplay.Safe(url)} is not an https URL", UrlDisplay.Strip(url), statusCode: null, isRetryable: false);
        }

        var current = url;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(method, current);
            configure?.Invoke(request);
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!IsRedirect(response.StatusCode))
            {
                return (response, current);
            }

            var location = response.Headers.Location;
            var status = (int)response.StatusCode;
            response.Dispose();
            if (location is null)
            {
                throw new DownloadException($"{UrlDisplay.Safe(current)} answered HTTP {status} without a Location header",
                    UrlDisplay.Strip(current), status, isRetryable: false);
            }

            var next = location.IsAbsoluteUri ? location : new Uri(current, location);
            if (next.Scheme != Uri.UriSchemeHttps)
            {
                throw new InsecureRedirectException(current, next);
            }

            if (hop >= maxRedirects)
            {
                throw new DownloadException($"more than {maxRedirects} redirects starting at {UrlDisplay.Safe(url)}",
                    UrlDisplay.Strip(url), status, isRetryable: false);
            }

            current = next;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
