using Serilog;

namespace ImagePipeline.Storage;

/// <summary>
/// The one retry loop of the store layer: a <see cref="StoreException"/> whose
/// <see cref="ImagePipelineException.IsRetryable"/> is true is tried again after a jittered exponential
/// backoff (<see cref="RetryOptions"/>), up to <see cref="RetryOptions.MaxAttempts"/>, each retry logged
/// at Warning with its reason. Used by <see cref="RetryingImageStore"/> for whole operations and by
/// staged uploads for their parts (a part's bytes are still in memory, so only that part is resent).
/// The SDK's own retries are off, so nothing retries beneath this.
/// </summary>
public sealed class RetryPolicy
{
    private readonly RetryOptions _options;
    private readonly ILogger _logger;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <param name="delay">Waits between tries; tests pass a recorder instead of <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</param>
    public RetryPolicy(RetryOptions options, ILogger logger, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options));
        _options = options;
        _logger = logger;
        _delay = delay ?? Task.Delay;
    }

    public static RetryPolicy None { get; } = new(new RetryOptions { MaxAttempts = 1 }, Serilog.Core.Logger.None);

    public int MaxAttempts => _options.MaxAttempts;

    public async Task<T> RunAsync<T>(string store, string operation, string? key, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(cancellationToken);
            }
            catch (StoreException e) when (ShouldRetry(e, attempt))
            {
                await WaitBeforeRetryAsync(store, operation, key, attempt, e, cancellationToken);
            }
        }
    }

    public Task RunAsync(string store, string operation, string? key, Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
        RunAsync<object?>(store, operation, key, async ct =>
        {
            await action(ct);
            return null;
        }, cancellationToken);

    public bool ShouldRetry(StoreException exception, int attempt)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.IsRetryable && attempt < _options.MaxAttempts;
    }

    public async Task WaitBeforeRetryAsync(string store, string operation, string? key, int attempt, StoreException exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var delay = _options.DelayBefore(attempt, Random.Shared.NextDouble());
        _logger.Warning("{Store}: {Operation} of {Key} failed (attempt {Attempt} of {MaxAttempts}), retrying in {Delay:0.0}s: {Error}",
            store, operation, key ?? "(store)", attempt, _options.MaxAttempts, delay.TotalSeconds, exception.Message);
        await _delay(delay, cancellationToken);
    }
}
