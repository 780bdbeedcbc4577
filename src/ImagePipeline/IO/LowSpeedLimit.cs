namespace ImagePipeline.IO;

/// <summary>
/// curl's <c>--speed-limit</c>/<c>--speed-time</c>: a transfer that moves fewer than
/// <see cref="BytesPerSecond"/> on average over <see cref="Window"/> counts as stalled. Unlike a fixed
/// timeout it never cuts a slow but moving multi-GB transfer, and unlike "no byte for N s" it catches
/// a trickle (one byte every 20 s).
/// </summary>
/// <param name="BytesPerSecond">Lowest acceptable average rate over the window.</param>
/// <param name="Window">How long the rate may stay below the limit.</param>
public readonly record struct LowSpeedLimit(long BytesPerSecond, TimeSpan Window)
{
    /// <summary>1 KiB/s over 60 s: far below any working link, well above a stuck one.</summary>
    public static LowSpeedLimit Default { get; } = new(1024, TimeSpan.FromSeconds(60));

    /// <summary>Bytes that must move within one window.</summary>
    public long BytesPerWindow => (long)Math.Ceiling(BytesPerSecond * Window.TotalSeconds);

    public override string ToString() =>
        $"less than {ByteSize.Format(BytesPerSecond)}/s for {Window.TotalSeconds:0.#} s";
}
