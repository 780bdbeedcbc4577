namespace ImagePipeline.Progress;

/// <summary>One image's progress at one moment.</summary>
/// <param name="SourceBytes">Source bytes obtained (compressed bytes for a compressed download).</param>
/// <param name="SourceTotal">Source size when known (Content-Length, file size).</param>
/// <param name="OutputBytes">Bytes produced for the store (after decompression).</param>
/// <param name="UploadedBytes">Bytes the store has accepted.</param>
/// <param name="Elapsed">Since the acquisition (or its restart) began.</param>
public sealed record ImageProgressSnapshot(
    string ImageName, ImageStage Stage, long SourceBytes, long? SourceTotal, long OutputBytes, long UploadedBytes, TimeSpan Elapsed)
{
    public double SourceRate => Elapsed.TotalSeconds > 0 ? SourceBytes / Elapsed.TotalSeconds : 0;

    public double OutputRate => Elapsed.TotalSeconds > 0 ? OutputBytes / Elapsed.TotalSeconds : 0;

    /// <summary>0–100 when the source size is known.</summary>
    public double? Percent => SourceTotal is > 0 and var total ? Math.Min(100, 100.0 * SourceBytes / total) : null;

    /// <summary>Remaining time at the current source rate, when the size is known.</summary>
    public TimeSpan? Eta => SourceTotal is { } total && SourceRate > 0
        ? TimeSpan.FromSeconds(Math.Max(0, total - SourceBytes) / SourceRate)
        : null;
}
