using ImagePipeline.Engine;
using ImagePipeline.Publishing;

namespace ImagePipeline.Build.Output;

/// <summary>
/// One image's line of the Sync result table: what was planned, what it weighs, its digest, how long it took, how it ended
/// (<c>published</c>, <c>unchanged</c>, <c>failed (Verify)</c>: the first failing stage, <c>not run</c>) and why, without
/// repeating the image's name.
/// </summary>
internal sealed record ResultRow(string Image, string Action, string Size, string Digest, string Duration, string Result, string Reason)
{
    public static readonly string[] Headers = ["Image", "Action", "Size", "Digest", "Duration", "Result", "Reason"];

    public bool Failed => Result.StartsWith("failed", StringComparison.Ordinal);

    public string[] Cells => [Image, Action, Size, Digest, Duration, Result, Reason];

    public static ResultRow From(ImageJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (result, reason) = job switch
        {
            { Failure: { } failure } => ($"failed ({failure.Stage})", WithoutName(job.Name, failure.Message)),
            { Published: not null } => ("published", job.Plan?.Reason ?? string.Empty),
            { Plan: { Action: Planning.ImageAction.Unchanged } plan } => ("unchanged", plan.Reason),
            { Plan: { NeedsWork: false } plan } => (plan.Action.ToString().ToLowerInvariant(), plan.Reason),
            _ => ("not run", "the run ended before this image's chain did"),
        };
        return new ResultRow(
            job.Name,
            job.Plan?.Action.ToString().ToLowerInvariant() ?? "-",
            job.Published is { } published ? ByteSize.Format(published.Size) : job.Plan?.StoredSize is { } stored ? ByteSize.Format(stored) : "-",
            (job.Published?.Checksum ?? job.Plan?.Stored)?.ToString() ?? "-",
            job.Duration == TimeSpan.Zero ? "-" : StepResult.FormatDuration(job.Duration),
            result,
            reason);
    }

    /// <summary>The table names the image already: "disk: checksum mismatch" and "disk source: …" lose the leading name.</summary>
    internal static string WithoutName(string name, string message) =>
        message.StartsWith(name, StringComparison.Ordinal) && message.Length > name.Length && message[name.Length] is ':' or ' '
            ? message[(name.Length + 1)..].TrimStart()
            : message;
}
