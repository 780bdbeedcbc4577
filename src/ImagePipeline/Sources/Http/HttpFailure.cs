using System.Security.Authentication;
using ImagePipeline.IO;

namespace ImagePipeline.Sources.Http;

/// <summary>Turns what HttpClient throws or answers into <see cref="DownloadException"/>s, retryable or not.</summary>
internal static class HttpFailure
{
    /// <summary>True for the exception types a download attempt can fail with (not bugs, not the caller's cancellation).</summary>
    public static bool IsAttemptFailure(Exception exception) =>
        exception is DownloadException or HttpRequestException or IOException or OperationCanceledException or AuthenticationException;

    public static DownloadException From(Exception exception, Uri url, string imageName, LowSpeedLimit limit, bool stalled)
    {
        var where = UrlDisplay.Safe(url);
        return exception switch
        {
            DownloadException download => download,
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } or AuthenticationException => new DownloadException(
                $"{imageName}: TLS handshake with {url.Host} failed ({Innermost(exception).Message}); the server certificate must chain to a trusted root — for a private CA set SSL_CERT_FILE or SSL_CERT_DIR",
                UrlDisplay.Strip(url), statusCode: null, isRetryable: false, exception),
            HttpRequestException => new DownloadException(
                $"{imageName}: request to {where} failed: {Innermost(exception).Message}", UrlDisplay.Strip(url), statusCode: null, isRetryable: true, exception),
            IOException => new DownloadException(
                $"{imageName}: connection to {where} broke off: {Innermost(exception).Message}", UrlDisplay.Strip(url), statusCode: null, isRetryable: true, exception),
            OperationCanceledException when stalled => new DownloadException(
                $"{imageName}: {where} is too slow: it sent {limit} (--low-speed-limit, --low-speed-time)", UrlDisplay.Strip(url), statusCode: null, isRetryable: true, exception),
            _ => new DownloadException(
                $"{imageName}: request to {where} timed out: {exception.Message}", UrlDisplay.Strip(url), statusCode: null, isRetryable: true, exception),
        };
    }

    /// <summary>An unsuccessful status: 408, 429 and 5xx are worth another try, other codes are not.</summary>
    public static DownloadException FromStatus(HttpResponseMessage response, Uri url, string imageName)
    {
        var status = (int)response.StatusCode;
        var retryable = status is 408 or 429 || status >= 500;
        return new DownloadException(
            $"{imageName}: {UrlDisplay.Safe(url)} answered HTTP {status} {response.ReasonPhrase}",
            UrlDisplay.Strip(url), status, retryable)
        {
            RetryAfter = RetryAfter(response),
        };
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }
}
