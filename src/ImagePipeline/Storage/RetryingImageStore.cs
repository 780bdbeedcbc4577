using System.Runtime.CompilerServices;
using ImagePipeline.Metadata;
using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Storage;

/// <summary>
/// Decorates an <see cref="IImageStore"/> with retries: an operation failing with a
/// <see cref="StoreException"/> whose <see cref="ImagePipelineException.IsRetryable"/> is true is tried
/// again after a jittered exponential backoff, up to <see cref="RetryOptions.MaxAttempts"/>; each retry is
/// logged at Warning. Permanent errors and cancellation pass through at once. A listing that fails
/// midway resumes after the last key it yielded (listings are in key order), so no entry repeats.
/// </summary>
public sealed class RetryingImageStore : IImageStore, IDisposable
{
    private readonly IImageStore _inner;
    private readonly RetryOptions _options;
    private readonly ILogger _logger;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <param name="delay">Waits between tries; tests pass a recorder instead of <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</param>
    public RetryingImageStore(IImageStore inner, RetryOptions options, ILogger logger, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options));
        _inner = inner;
        _options = options;
        _logger = logger.ForContext<RetryingImageStore>();
        _delay = delay ?? Task.Delay;
    }

    public string Description => _inner.Description;

    public Task UploadAsync(string key, string localPath, Checksum digest, CancellationToken cancellationToken) =>
        RunAsync("upload", key, ct => _inner.UploadAsync(key, localPath, digest, ct), cancellationToken);

    public Task<StoredObject?> StatAsync(string key, CancellationToken cancellationToken) =>
        RunAsync("stat", key, ct => _inner.StatAsync(key, ct), cancellationToken);

    public Task<ImageMetadata?> ReadMetadataAsync(string key, CancellationToken cancellationToken) =>
        RunAsync("read metadata", key, ct => _inner.ReadMetadataAsync(key, ct), cancellationToken);

    public Task WriteMetadataAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken) =>
        RunAsync("write metadata", key, ct => _inner.WriteMetadataAsync(key, metadata, ct), cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        RunAsync("delete", key, ct => _inner.DeleteAsync(key, ct), cancellationToken);

    public Task<int> AbortIncompleteUploadsAsync(string prefix, TimeSpan olderThan, CancellationToken cancellationToken) =>
        RunAsync("abort incomplete uploads", prefix, ct => _inner.AbortIncompleteUploadsAsync(prefix, olderThan, ct), cancellationToken);

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? lastKey = null;
        for (var attempt = 1; ; attempt++)
        {
            var enumerator = _inner.ListAsync(prefix, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    StoredObject current;
                    try
                    {
                        if (!await enumerator.MoveNextAsync())
                        {
                            yield break;
                        }

                        current = enumerator.Current;
                    }
                    catch (StoreException e) when (ShouldRetry(e, attempt))
                    {
                        await WaitBeforeRetryAsync("list", prefix, attempt, e, cancellationToken);
                        break;
                    }

                    if (lastKey is null || string.CompareOrdinal(current.Key, lastKey) > 0)
                    {
                        lastKey = current.Key;
                        yield return current;
                    }
                }
            }
            finally
            {
                await enumerator.DisposeAsync();
            }
        }
    }

    public void Dispose() => (_inner as IDisposable)?.Dispose();

    private async Task RunAsync(string operation, string key, Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
        await RunAsync<object?>(operation, key, async ct =>
        {
            await action(ct);
            return null;
        }, cancellationToken);

    private async Task<T> RunAsync<T>(string operation, string key, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(cancellationToken);
            }
            catch (StoreException e) when (ShouldRetry(e, attempt))
            {
                await WaitBeforeRetryAsync(operation, key, attempt, e, cancellationToken);
            }
        }
    }

    private bool ShouldRetry(StoreException exception, int attempt) => exception.IsRetryable && attempt < _options.MaxAttempts;

    private async Task WaitBeforeRetryAsync(string operation, string key, int attempt, StoreException exception, CancellationToken cancellationToken)
    {
        var delay = _options.DelayBefore(attempt, Random.Shared.NextDouble());
        _logger.Warning("{Store}: {Operation} of {Key} failed (attempt {Attempt} of {MaxAttempts}), retrying in {Delay:0.0}s: {Error}",
            _inner.Description, operation, key, attempt, _options.MaxAttempts, delay.TotalSeconds, exception.Message);
        await _delay(delay, cancellationToken);
    }
}
