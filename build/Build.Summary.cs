using ImagePipeline.Build.Output;
using ImagePipeline.Engine;
using ImagePipeline.Publishing;

namespace ImagePipeline.Build;

/// <summary>The per-image result table, on the console and in the CI job summary, written once every image's chain has ended.</summary>
internal sealed partial class Build
{
    /// <summary>Appends a table to <c>$GITHUB_STEP_SUMMARY</c> when it is set (the engine masks secrets).</summary>
    void AppendStepSummary(string title, TextTable table) => AppendStepSummary($"### {title}\n\n{table.ToMarkdown()}\n");

    protected override async Task OnFinishedAsync(BuildResult result, CancellationToken cancellationToken)
    {
        try
        {
            if (_run is not null && !DryRun && result.Steps.Any(s => s.Target == nameof(Sync)))
            {
                var table = ResultTable(_run.Jobs);
                Log.Information("Images:");
                table.WriteTo(line => Log.Information("{Line:l}", line));
                AppendStepSummary("Sync", table);
                if (ResultJson is not null)
                {
                    var path = Rooted(ResultJson);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    await File.WriteAllTextAsync(path, Mask(ResultDocument.Serialize(_run.Jobs)), cancellationToken);
                }
            }
        }
        finally
        {
            await CloseRunAsync();
        }
    }

    static TextTable ResultTable(IReadOnlyList<ImageJob> jobs)
    {
        var table = new TextTable("Image", "Action", "Size", "Digest", "Duration", "Result");
        foreach (var job in jobs)
        {
            table.Add(job.Name, job.Plan?.Action.ToString().ToLowerInvariant() ?? "-",
                job.Published is { } published ? ByteSize.Format(published.Size) : job.Plan?.StoredSize is { } stored ? ByteSize.Format(stored) : "-",
                (job.Published?.Checksum ?? job.Plan?.Stored)?.ToString() ?? "-",
                job.Duration == TimeSpan.Zero ? "-" : StepResult.FormatDuration(job.Duration),
                Outcome(job));
        }

        return table;
    }

    static string Outcome(ImageJob job) =>
        job.Failure is { } failure ? $"failed ({failure.Stage}): {failure.Message}"
        : job.Published is not null ? "published"
        : job.Plan is { Action: Planning.ImageAction.Unchanged } ? "unchanged"
        : job.Plan is { NeedsWork: false } ? job.Plan.Reason
        : "not run";
}
