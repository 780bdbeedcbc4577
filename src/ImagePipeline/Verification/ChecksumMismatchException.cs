namespace ImagePipeline.Verification;

/// <summary>A computed digest differs from the one the manifest (or the store) expects.</summary>
public sealed class ChecksumMismatchException : ImagePipelineException
{
    public ChecksumMismatchException(string subject, Checksum expected, Checksum actual)
        : base($"{subject}: checksum mismatch: expected {expected}, got {actual}")
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
