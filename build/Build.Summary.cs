using ImagePipeline.Build.Output;
using ImagePipeline.Engine;

namespace ImagePipeline.Build;

/// <summary>The per-image result table, on the console and in the CI job summary, written once every image's chain has ended.</summary>
internal sealed partial class Build
{
    /// <summary>Appends a table to <c>$GITHUB_STEP_SUMMARY</c> when it is set (the engine masks secrets).</summary>
    void AppendStepSummary(string title, TextTable table) => AppendStepSummary($"### {title}\n\n{table.ToMarkdown()}\n");

    /// <summary>
    /// The run ends first (staged uploads that were never committed are aborted, the live display clears and hands the
    /// terminal back), then the per-image table is written below the last log line, the job summary and --result-json.
    /// </summary>
    protected override async Task OnFinishedAsync(BuildResult result, CancellationToken cancellationToken)
    {
        try
        {
            await CloseRunAsync();
        }
        finally
        {
            if (_run is not null && !DryRun && result.Steps.Any(s => s.Target == nameof(Sync)))
            {
                var rows = _run.Jobs.Select(ResultRow.From).ToList();
                WriteResults(rows);
                AppendStepSummary("Sync", ResultTable(rows));
                if (ResultJson is not null)
                {
                    var path = Rooted(ResultJson);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    await File.WriteAllTextAsync(path, Mask(ResultDocument.Serialize(_run.Jobs)), cancellationToken);
                }
            }
        }
    }

    static TextTable ResultTable(IReadOnlyList<ResultRow> rows)
    {
        var table = new TextTable(ResultRow.Headers);
        rows.ToList().ForEach(row => table.Add(row.Cells));
        return table;
    }
}
