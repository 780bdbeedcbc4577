using System.Text;

namespace ImagePipeline.Engine;

/// <summary>
/// Left-aligned columns, two spaces apart, sized to their widest cell, with no trailing spaces; the
/// same rows also render as a Markdown table (job summaries). Used for help, plan and summary, and
/// by builds for their own tables.
/// </summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] headers) => _headers = headers;

    public int Count => _rows.Count;

    public void Add(params string?[] cells) => _rows.Add([.. cells.Select(c => c ?? string.Empty)]);

    /// <summary>Header, a rule of dashes, then the rows; one call per line (each may become one log event).</summary>
    public void WriteTo(Action<string> writeLine)
    {
        ArgumentNullException.ThrowIfNull(writeLine);
        var lines = Format([_headers, .. _rows]).ToList();
        writeLine(lines[0]);
        writeLine(string.Join("  ", Widths([_headers, .. _rows]).Select(w => new string('-', w))));
        lines.Skip(1).ToList().ForEach(writeLine);
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(MarkdownRow(_headers)).Append('\n');
        text.Append('|').AppendJoin('|', _headers.Select(_ => "---")).Append("|\n");
        foreach (var row in _rows)
        {
            text.Append(MarkdownRow(row)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One Markdown row; pipes are escaped and line breaks folded so a cell cannot break the table.</summary>
    public static string MarkdownRow(IEnumerable<string> cells) =>
        "| " + string.Join(" | ", cells.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" "))) + " |";

    internal static IEnumerable<string> Format(IReadOnlyList<string[]> rows, string indent = "")
    {
        var widths = Widths(rows);
        return rows.Select(row => (indent + string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column])))).TrimEnd());
    }

    private static int[] Widths(IReadOnlyList<string[]> rows) =>
        [.. Enumerable.Range(0, rows.Max(row => row.Length)).Select(column => rows.Max(row => column < row.Length ? row[column].Length : 0))];
}
