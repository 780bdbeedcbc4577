using ImagePipeline.IO;
using ImagePipeline.Sources;

namespace ImagePipeline.Tests.Sources;

/// <summary>Acquire options with test-sized timings.</summary>
internal static class FastOptions
{
    public static AcquireOptions Create() => new()
    {
        MaxAttempts = 4,
        BackoffBase = TimeSpan.FromMilliseconds(10),
        BackoffMax = TimeSpan.FromSeconds(2),
        LowSpeed = new LowSpeedLimit(1024, TimeSpan.FromSeconds(5)),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ChunkSize = 256 * 1024,
        StageBufferSize = 2 << 20,
    };
}
