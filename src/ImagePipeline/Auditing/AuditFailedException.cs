namespace ImagePipeline.Auditing;

/// <summary>Audit found corrupt, missing or unreadable images (failed work: exit code 1).</summary>
public sealed class AuditFailedException(AuditReport report)
    : ImagePipelineException(
        $"Audit of {report.Source} failed: {report.Count(AuditStatus.Corrupt)} corrupt, {report.Count(AuditStatus.Missing)} missing, " +
        $"{report.Count(AuditStatus.Unreadable)} unreadable image(s); the table names them. A Sync republishes what its manifest lists.")
{
    public AuditReport Report { get; } = report;
}
