using Amazon.Runtime;
using Amazon.S3;
using ImagePipeline.IO;

namespace ImagePipeline.Storage.S3;

/// <summary>
/// Sends one S3 request at a time for the store and its uploads: each is watched by a
/// <see cref="LowSpeedWatchdog"/> (a request that gets no answer, or whose body stops moving, is
/// cancelled and reported as a retryable fault instead of hanging), and every SDK or network fault
/// becomes a <see cref="StoreException"/> naming operation, bucket and key (<see cref="S3ErrorMapping"/>).
/// </summary>
internal sealed class S3Requests(IAmazonS3 client, string bucket, Uri endpoint, S3StoreOptions options)
{
    public IAmazonS3 Client => client;

    public string Bucket => bucket;

    public S3StoreOptions Options => options;

    public Uri Endpoint => endpoint;

    public string Description => $"s3://{bucket} at {endpoint.GetLeftPart(UriPartial.Authority)}";

    /// <summary>A request without a body worth watching: no answer within the low-speed window fails it.</summary>
    public async Task<T> SendAsync<T>(string operation, string? key, Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        using var watchdog = new LowSpeedWatchdog(options.LowSpeed, cancellationToken);
        return await SendAsync(operation, key, request, watchdog, cancellationToken);
    }

    /// <summary>A request whose body reports its progress to <paramref name="watchdog"/>.</summary>
    public async Task<T> SendAsync<T>(
        string operation, string? key, Func<CancellationToken, Task<T>> request, LowSpeedWatchdog watchdog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(watchdog);
        try
        {
            return await request(watchdog.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception) when (watchdog.Fired)
        {
            var target = key is null ? $"s3://{bucket}" : $"s3://{bucket}/{key}";
            throw new StoreException(
                $"S3 {operation} of {target} at {endpoint.GetLeftPart(UriPartial.Authority)} made no progress ({watchdog.Limit}); the request was cancelled.",
                key, isRetryable: true);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or OperationCanceledException)
        {
            throw S3ErrorMapping.ToStoreException(e, operation, bucket, key, endpoint);
        }
    }
}
