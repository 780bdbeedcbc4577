namespace ImagePipeline.Sources.Http;

/// <summary>Exponential backoff with jitter, never shorter than a server's Retry-After.</summary>
internal static class RetryDelay
{
    /// <param name="failures">Failed tries so far (1 for the first retry).</param>
    public static TimeSpan Next(int failures, TimeSpan? retryAfter, AcquireOptions options)
    {
        var exponential = options.BackoffBase * Math.Pow(2, Math.Min(failures - 1, 30));
        var capped = exponential < options.BackoffMax ? exponential : options.BackoffMax;

        // "Equal jitter": half fixed, half random, so parallel clients spread out but still back off.
        var delay = capped * (0.5 + (Random.Shared.NextDouble() * 0.5));
        if (retryAfter is { } requested && requested > delay)
        {
            delay = requested < options.BackoffMax ? requested : options.BackoffMax;
        }

        return delay;
    }
}
