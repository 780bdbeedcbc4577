using ImagePipeline.Verification;

namespace ImagePipeline.Auditing;

/// <summary>One path and what Audit found.</summary>
/// <param name="Path">Store key (store) or path relative to the copy's top (copy of <c>images/</c>).</param>
/// <param name="Status">The verdict.</param>
/// <param name="Detail">Why, in words (both digests for a mismatch).</param>
/// <param name="Size">Bytes present, when something is present.</param>
/// <param name="Expected">The recorded digest, when there is a record.</param>
public sealed record AuditFinding(string Path, AuditStatus Status, string Detail, long? Size = null, Checksum? Expected = null)
{
    /// <summary>Corrupt, missing and unreadable images fail the audit; the rest is information.</summary>
    public bool IsFailure => Status is AuditStatus.Corrupt or AuditStatus.Missing or AuditStatus.Unreadable;
}
