using ImagePipeline.Verification;

namespace ImagePipeline.Auditing;

/// <summary>One object Audit reads back: where, what it is called on the progress board, and what it must hash to.</summary>
internal sealed record AuditTarget(string Key, string Name, Checksum Expected, long Size);
