using System.Text;

namespace ImagePipeline.Build.Output;

/// <summary>A plain fixed-width table for logs and terminals; also renders as Markdown for step summaries.</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] headers) => _headers = headers;

    public int Count => _rows.Count;

    public void Add(params string?[] cells) => _rows.Add([.. cells.Select(c => c ?? "")]);

    /// <summary>Writes the table one line at a time (each line becomes one log event).</summary>
    public void WriteTo(Action<string> writeLine)
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        writeLine(Line(_headers));
        writeLine(Line([.. widths.Select(w => new string('-', w))]));
        foreach (var row in _rows)
        {
            writeLine(Line(row));
        }
    }

    public string ToMarkdown()
    {
        static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", _headers.Select(Escape)).Append(" |\n");
        text.Append('|').AppendJoin('|', _headers.Select(_ => "---")).Append("|\n");
        foreach (var row in _rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Escape)).Append(" |\n");
        }

        return text.ToString();
    }
}
