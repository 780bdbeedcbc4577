using ImagePipeline.Auditing;

namespace ImagePipeline.Build.Output;

/// <summary>One row of <c>Audit --json</c>.</summary>
internal sealed record AuditedPath(string Path, string Status, string Detail, long? Size, string? Expected)
{
    /// <summary><c>{ source, failed, counts: { ok, corrupt, … }, findings: [...], warnings: [...] }</c>.</summary>
    public static object Document(AuditReport report) => new
    {
        source = report.Source,
        failed = report.Failed,
        counts = Enum.GetValues<AuditStatus>().ToDictionary(AuditReport.Name, report.Count),
        findings = report.Findings.Select(f => new AuditedPath(f.Path, AuditReport.Name(f.Status), f.Detail, f.Size, f.Expected?.ToString())),
        warnings = report.Warnings,
    };
}
