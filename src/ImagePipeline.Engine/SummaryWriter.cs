namespace ImagePipeline.Engine;

/// <summary>
/// The end-of-run table (Target | Input | Status | Duration | Note), as text sized to a width and as Markdown,
/// then one closing line per failure: the first failing step of each failed input (<c>b: Verify failed: …</c>, the message
/// without the input's name when it starts with it)
/// and each plain target that failed by itself.
/// </summary>
internal static class SummaryWriter
{
    /// <summary>Where the width is unknown (not a terminal, no <c>COLUMNS</c>): wide enough for CI log viewers.</summary>
    public const int DefaultWidth = 120;

    private const int Gap = 2;
    private const int NoteMinimum = 12;
    private static readonly string[] Header = ["Target", "Input", "Status", "Duration", "Note"];

    public static void WriteText(TextWriter output, BuildResult result, int width)
    {
        var rows = new List<string[]> { Header };
        rows.AddRange(result.Steps.Select(Cells));
        rows.Add(["Total", "", Outcome(result), StepResult.FormatDuration(result.Duration), ""]);
        Fit(rows, width);
        var lines = TextTable.Format(rows).ToList();
        var rule = new string('=', lines.Max(line => line.Length));
        output.WriteLine(rule);
        output.WriteLine(lines[0]);
        output.WriteLine(new string('-', rule.Length));
        lines.Skip(1).SkipLast(1).ToList().ForEach(output.WriteLine);
        output.WriteLine(new string('-', rule.Length));
        output.WriteLine(lines[^1]);
        output.WriteLine(rule);
        Failures(result).ToList().ForEach(output.WriteLine);
    }

    public static string Markdown(BuildResult result)
    {
        var lines = new List<string> { TextTable.MarkdownRow(Header), "|---|---|---|---|---|" };
        lines.AddRange(result.Steps.Select(step => TextTable.MarkdownRow(Cells(step))));
        lines.Add(TextTable.MarkdownRow(["**Total**", "", $"**{Outcome(result)}**", StepResult.FormatDuration(result.Duration), ""]));
        lines.AddRange(Failures(result).Select(line => "\n" + line));
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>What failed by itself (it threw): per input its first failing step, and each failed plain target.</summary>
    public static IEnumerable<string> Failures(BuildResult result) =>
        result.Steps.Where(step => step is { Status: StepStatus.Failed, Exception: not null })
            .GroupBy(step => step.Input ?? "\0" + step.Target)
            .Select(group => group.First())
            .Select(step => (step.Input is null ? string.Empty : step.Input + ": ") + $"{step.Target} failed: {WithoutInput(step.Input, FirstLine(step.Note))}");

    /// <summary>The line names the input already: a message that starts with it ("b: …", "b source: …") loses that word.</summary>
    private static string WithoutInput(string? input, string note) =>
        input is { Length: > 0 } && note.Length > input.Length + 1 && note.StartsWith(input, StringComparison.Ordinal) && note[input.Length] is ':' or ' '
            ? note[(input.Length + 1)..].TrimStart()
            : note;

    /// <summary>Shortens the Note column (then Input) with an ellipsis so every line fits in <paramref name="width"/>.</summary>
    private static void Fit(List<string[]> rows, int width)
    {
        int Widest(int column) => rows.Max(row => row[column].Length);
        var fixedWidth = Widest(0) + Widest(2) + Widest(3) + (4 * Gap);
        var input = Math.Max(Header[1].Length, Math.Min(Widest(1), width - fixedWidth - NoteMinimum));
        var note = Math.Max(NoteMinimum, width - fixedWidth - input);
        foreach (var row in rows)
        {
            row[1] = Truncate(row[1], input);
            row[4] = Truncate(row[4], note);
        }
    }

    private static string Truncate(string cell, int width) => cell.Length <= width ? cell : cell[..(width - 1)] + "…";

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
