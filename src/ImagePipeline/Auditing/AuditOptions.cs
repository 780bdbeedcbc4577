namespace ImagePipeline.Auditing;

/// <summary>How an Audit reads.</summary>
public sealed record AuditOptions
{
    /// <summary>Share (1–100) of the recorded images read back in full, picked at random; the rest is checked for presence and size only.</summary>
    public int SamplePercent { get; init; } = 100;

    /// <summary>Images read at once.</summary>
    public int Parallelism { get; init; } = 2;

    /// <summary>Concurrent metadata reads while taking stock.</summary>
    public int MetadataParallelism { get; init; } = 32;

    /// <summary>
    /// Starts what shows the board while files are read back (a live terminal display, say) and is disposed when the
    /// reading ends. Default: <see cref="Progress.ProgressLog"/>'s periodic INFO lines.
    /// </summary>
    public Func<Progress.ProgressBoard, IAsyncDisposable>? ShowProgress { get; init; }

    /// <summary>Picks the sample; tests pass a seeded one.</summary>
    public Random Random { get; init; } = Random.Shared;
}
