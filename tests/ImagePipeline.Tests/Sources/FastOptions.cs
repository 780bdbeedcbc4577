using ImagePipeline.Sources;

namespace ImagePipeline.Tests.Sources;

/// <summary>Acquire options with test-sized timings.</summary>
internal static class FastOptions
{
    public static AcquireOptions Create(string? cacheDirectory = null) => new()
    {
        MaxAttempts = 4,
        BackoffBase = TimeSpan.FromMilliseconds(10),
        BackoffMax = TimeSpan.FromSeconds(2),
        StallTimeout = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CacheDirectory = cacheDirectory,
        ChunkSize = 256 * 1024,
        StageBufferSize = 2 << 20,
    };
}
