namespace ImagePipeline.Planning;

/// <summary>How far a Prune may go; the build fills it from its parameters.</summary>
public sealed record PruneOptions
{
    /// <summary>Also delete objects without metadata (not published by this tool).</summary>
    public bool IncludeUnmanaged { get; init; }

    /// <summary>Symbolic links to delete (store keys); every other link is always kept.</summary>
    public IReadOnlySet<string> DeleteLinks { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Refuse to delete more objects than this (images, their metadata, orphan metadata).</summary>
    public int MaxDelete { get; init; } = 10;

    /// <summary>Refuse to delete more than this share (0–100) of the prefix's managed images, unless <see cref="Force"/>.</summary>
    public int MaxDeletePercent { get; init; } = 50;

    /// <summary>Lifts <see cref="MaxDeletePercent"/> (never <see cref="MaxDelete"/>).</summary>
    public bool Force { get; init; }

    /// <summary>Concurrent metadata reads while planning.</summary>
    public int Parallelism { get; init; } = 32;
}
