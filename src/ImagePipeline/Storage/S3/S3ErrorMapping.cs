using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace ImagePipeline.Storage.S3;

/// <summary>
/// Turns AWS SDK and network exceptions into <see cref="StoreException"/>s that name the operation,
/// bucket, key and HTTP status, and decide <see cref="ImagePipelineException.IsRetryable"/>: 5xx,
/// throttling, request timeouts and network failures are transient; a missing bucket, denied access and
/// other 4xx are not. Messages never contain credentials (the SDK's messages do not either).
/// </summary>
public static class S3ErrorMapping
{
    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal)
    {
        "SlowDown", "Throttling", "ThrottlingException", "RequestTimeout", "RequestTimeoutException",
        "InternalError", "ServiceUnavailable", "RequestLimitExceeded", "TooManyRequests",
    };

    private static readonly HashSet<string> AccessCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "AllAccessDisabled", "InvalidToken", "ExpiredToken",
    };

    public static StoreException ToStoreException(Exception exception, string operation, string bucket, string? key, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(endpoint);
        var target = key is null ? $"s3://{bucket}" : $"s3://{bucket}/{key}";
        var where = $"S3 {operation} of {target} at {endpoint.GetLeftPart(UriPartial.Authority)} failed";
        var (detail, retryable) = Describe(exception, bucket);
        return new StoreException($"{where}: {detail}", key, retryable, exception);
    }

    private static (string Detail, bool Retryable) Describe(Exception exception, string bucket)
    {
        if (exception is AmazonServiceException service && service.StatusCode != 0)
        {
            var status = (int)service.StatusCode;
            var code = service.ErrorCode ?? string.Empty;
            var http = $"HTTP {status} {code}".TrimEnd();
            if (code == "NoSuchBucket")
            {
                return ($"bucket '{bucket}' does not exist ({http}); create it or fix the bucket name", false);
            }

            if (service.StatusCode == HttpStatusCode.Forbidden || AccessCodes.Contains(code))
            {
                return ($"access denied ({http}: {service.Message}); check the access key, secret key and the bucket's permissions", false);
            }

            var retryable = status >= 500 || service.StatusCode == HttpStatusCode.TooManyRequests || RetryableCodes.Contains(code);
            return ($"{http}: {service.Message}", retryable);
        }

        if (FindNetworkCause(exception) is { } network)
        {
            return ($"network error: {network.Message}", true);
        }

        return (exception.Message, exception is AmazonServiceException { StatusCode: 0 } || exception is OperationCanceledException);
    }

    private static Exception? FindNetworkCause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or SocketException or IOException or TimeoutException)
            {
                return current;
            }
        }

        return null;
    }
}
