namespace ImagePipeline.Publishing;

/// <summary>How a <see cref="PublishRun"/> works; the build fills it from its parameters.</summary>
public sealed record PublishOptions
{
    /// <summary>Re-acquire and re-upload every selected image (and rebuild packer images).</summary>
    public bool Force { get; init; }

    /// <summary>Read the store (when there are credentials) but change nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>When this run started: staged uploads begun before it by dead runs are removed.</summary>
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// Folder holding each run's own work folder (packer artifacts between build and upload) and the
    /// per-image locks that keep two runs in one checkout from publishing the same image at once.
    /// </summary>
    public required string WorkRoot { get; init; }

    /// <summary>Store reads planned at once (Diff of hundreds of images must take seconds).</summary>
    public int StoreParallelism { get; init; } = 32;
}
