namespace ImagePipeline.Verification;

/// <summary>A computed digest differs from the one the manifest (or the store) expects.</summary>
public sealed class ChecksumMismatchException : ImagePipelineException
{
    /// <param name="hint">What may explain it, appended as a sentence (e.g. the server sent an HTML page).</param>
    public ChecksumMismatchException(string subject, Checksum expected, Checksum actual, string? hint = null)
        : base($"{subject}: checksum mismatch: expected {expected}, got {actual}" + (hint is null ? "" : $"; {hint}"))
    {
        Subject = subject;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>What was hashed, e.g. "talos-1.9.1 source" or "talos-1.9.1 output".</summary>
    public string Subject { get; }

    public Checksum Expected { get; }

    public Checksum Actual { get; }
}
