namespace ImagePipeline.Engine;

/// <summary>The end-of-run table (Target | Input | Status | Duration | Note), as text and as Markdown.</summary>
internal static class SummaryWriter
{
    private static readonly string[] Header = ["Target", "Input", "Status", "Duration", "Note"];

    public static void WriteText(TextWriter output, BuildResult result)
    {
        var rows = new List<string[]> { Header };
        rows.AddRange(result.Steps.Select(Cells));
        rows.Add(["Total", "", Outcome(result), StepResult.FormatDuration(result.Duration), ""]);
        var lines = TextTable.Format(rows).ToList();
        var rule = new string('=', lines.Max(line => line.Length));
        output.WriteLine(rule);
        output.WriteLine(lines[0]);
        output.WriteLine(new string('-', rule.Length));
        lines.Skip(1).SkipLast(1).ToList().ForEach(output.WriteLine);
        output.WriteLine(new string('-', rule.Length));
        output.WriteLine(lines[^1]);
        output.WriteLine(rule);
    }

    public static string Markdown(BuildResult result)
    {
        var lines = new List<string> { TextTable.MarkdownRow(Header), "|---|---|---|---|---|" };
        lines.AddRange(result.Steps.Select(step => TextTable.MarkdownRow(Cells(step))));
        lines.Add(TextTable.MarkdownRow(["**Total**", "", $"**{Outcome(result)}**", StepResult.FormatDuration(result.Duration), ""]));
        return string.Join('\n', lines) + "\n";
    }

    private static string[] Cells(StepResult step) =>
    [
        step.Target,
        step.Input ?? string.Empty,
        step.Status.ToString(),
        step.Status is StepStatus.Succeeded or StepStatus.Failed ? StepResult.FormatDuration(step.Duration) : string.Empty,
        FirstLine(step.Note),
    ];

    /// <summary>Long multi-line messages (e.g. all manifest errors) were logged in full; the table keeps one line.</summary>
    private static string FirstLine(string? note)
    {
        var lines = (note ?? string.Empty).ReplaceLineEndings("\n").Split('\n');
        return lines.Length == 1 ? lines[0] : lines[0] + " …";
    }

    private static string Outcome(BuildResult result) => result.ExitCode == BuildResult.Success ? "Succeeded" : "Failed";
}
