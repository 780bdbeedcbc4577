namespace ImagePipeline.Auditing;

/// <summary>What Audit found for one path.</summary>
public enum AuditStatus
{
    /// <summary>Read back in full; bytes and size match the record.</summary>
    Ok,

    /// <summary>Present, but its bytes or size differ from the record (or the record itself is unreadable).</summary>
    Corrupt,

    /// <summary>Recorded (metadata, or the copy's checksum file) but not there.</summary>
    Missing,

    /// <summary>Present but could not be read back (the store kept failing).</summary>
    Unreadable,

    /// <summary>In the store under <c>images/</c> without metadata: not published by this tool.</summary>
    Unmanaged,

    /// <summary>In a copy of <c>images/</c> but in none of its checksum files (e.g. kept after the store pruned it).</summary>
    Extra,

    /// <summary>A symbolic link (directory stores and copies): reported, never followed.</summary>
    Link,

    /// <summary>Present with the recorded size, but not read this time (<c>--sample</c>).</summary>
    NotSampled,
}
