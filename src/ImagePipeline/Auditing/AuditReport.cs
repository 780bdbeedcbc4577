namespace ImagePipeline.Auditing;

/// <summary>Everything one Audit found, by path.</summary>
/// <param name="Source">What was audited, e.g. <c>directory /srv/store (metadata)</c>.</param>
/// <param name="Findings">One per path, in path order.</param>
/// <param name="Warnings">Problems that do not fail the audit (a stale or missing catalog).</param>
public sealed record AuditReport(string Source, IReadOnlyList<AuditFinding> Findings, IReadOnlyList<string> Warnings)
{
    public bool Failed => Findings.Any(f => f.IsFailure);

    public int Count(AuditStatus status) => Findings.Count(f => f.Status == status);

    /// <summary>One line: <c>3 ok, 1 corrupt, 0 missing, …</c>.</summary>
    public string Summary() => string.Join(", ", Enum.GetValues<AuditStatus>().Select(s => $"{Count(s)} {Name(s)}"));

    public static string Name(AuditStatus status) => status switch
    {
        AuditStatus.NotSampled => "not sampled",
        _ => status.ToString().ToLowerInvariant(),
    };
}
