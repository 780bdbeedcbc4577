namespace ImagePipeline.Sources.Http;

/// <summary>
/// An HTTPS download or probe failed. <see cref="Url"/> never carries credentials: the manifest
/// rejects user-info, and query strings (signed redirect targets) are dropped.
/// </summary>
public class DownloadException : ImagePipelineException
{
    public DownloadException(string message, Uri url, int? statusCode, bool isRetryable, Exception? innerException = null)
        : base(message, innerException)
    {
        Url = url;
        StatusCode = statusCode;
        Retryable = isRetryable;
    }

    /// <summary>The URL of the hop that failed, without query string.</summary>
    public Uri Url { get; }

    /// <summary>HTTP status of the failed response; null for connection, TLS and body errors.</summary>
    public int? StatusCode { get; }

    /// <summary>Server-requested delay (429/503 <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public override bool IsRetryable => Retryable;

    private bool Retryable { get; }
}
