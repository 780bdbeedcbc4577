namespace ImagePipeline.Pinning;

/// <summary>How the image's expected output digest (<c>validation.expected</c>, or <c>source.checksum</c>
/// without decompress) compares before and after Pin.</summary>
public enum ExpectedStatus
{
    /// <summary>There was none (absent or a placeholder).</summary>
    New,

    /// <summary>There was one and it differed (a stale value after a version bump); it was replaced.</summary>
    Changed,

    /// <summary>It already was the digest of the output.</summary>
    Unchanged,
}
