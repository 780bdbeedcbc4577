namespace ImagePipeline.Storage;

/// <summary>Bounded exponential backoff with jitter for <see cref="RetryingImageStore"/>.</summary>
public sealed record RetryOptions
{
    /// <summary>Tries in total, the first one included.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Delay before retry number <paramref name="retry"/> (1-based): half of min(max, base·2^(retry-1))
    /// fixed plus up to the same again at random ("equal jitter"), so parallel workers spread out.
    /// </summary>
    public TimeSpan DelayBefore(int retry, double random)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1);
        var capped = Math.Min(MaxDelay.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * random));
    }
}
