using ImagePipeline.Compression;
using ImagePipeline.IO;

namespace ImagePipeline.Sources;

/// <summary>Knobs of acquisition. Defaults suit production; tests shrink the timings.</summary>
public sealed record AcquireOptions
{
    public static AcquireOptions Default { get; } = new();

    /// <summary>Tries per download (first try included) before the image fails with the last error.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First retry delay; doubles per retry, with jitter.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one retry delay (also caps a server's Retry-After).</summary>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A try that moves less than this (waiting for headers counts as nothing) has failed and is retried.</summary>
    public LowSpeedLimit LowSpeed { get; init; } = LowSpeedLimit.Default;

    /// <summary>TCP + TLS connect timeout.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Redirect hops followed before giving up.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>Decompression-bomb guard: the output may not exceed this many bytes.</summary>
    public long MaxImageSize { get; init; } = 64L << 30;

    /// <summary>Size of one read from the source and from the decoder.</summary>
    public int ChunkSize { get; init; } = 1 << 20;

    /// <summary>
    /// Bytes buffered between two stages before the producer waits (two such buffers). 8 MiB
    /// decouples the stages as well as 32 MiB did and cut the peak RSS of a 256 MiB acquire from
    /// 138 to 92 MB (benchmarks: memory case).
    /// </summary>
    public long StageBufferSize { get; init; } = 8L << 20;

    public DecoderOptions Decoder { get; init; } = DecoderOptions.Default;
}
