namespace ImagePipeline.Sources;

/// <summary>A progress sample of one image's source bytes.</summary>
/// <param name="ImageName">The manifest image.</param>
/// <param name="BytesRead">Source bytes obtained so far (from 0 again after a restart).</param>
/// <param name="TotalBytes">Source size when known (Content-Length, file size).</param>
/// <param name="BytesPerSecond">Average rate since the start (or restart).</param>
/// <param name="Completed">The last sample of a successful acquisition.</param>
public sealed record AcquireProgress(string ImageName, long BytesRead, long? TotalBytes, double BytesPerSecond, bool Completed)
{
    /// <summary>0–100 when the total is known.</summary>
    public double? Percent => TotalBytes is > 0 and var total ? 100.0 * BytesRead / total : null;

    /// <summary>Remaining time at the current rate, when the total is known.</summary>
    public TimeSpan? Eta => TotalBytes is { } total && BytesPerSecond > 0
        ? TimeSpan.FromSeconds(Math.Max(0, total - BytesRead) / BytesPerSecond)
        : null;
}
