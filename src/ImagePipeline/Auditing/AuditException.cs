namespace ImagePipeline.Auditing;

/// <summary>Audit cannot start: what it was pointed at is not a store or copy it can check (exit code 1, the message says what to fix).</summary>
public sealed class AuditException(string message, Exception? innerException = null) : ImagePipelineException(message, innerException);
