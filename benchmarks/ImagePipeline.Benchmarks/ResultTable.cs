using System.Globalization;
using System.Text;

namespace ImagePipeline.Benchmarks;

/// <summary>The results of a run as a Markdown table (pastes straight into docs/benchmarks.md).</summary>
internal sealed class ResultTable
{
    private readonly List<ResultRow> _rows = [];

    public IReadOnlyList<ResultRow> Rows => _rows;

    public bool AllGoalsMet => _rows.All(r => r.Met != false);

    public void Add(ResultRow row)
    {
        _rows.Add(row);
        Console.WriteLine($"  {row.Case}: {row.Ours}" + (row.ReferenceValue.Length > 0 ? $" vs {row.ReferenceValue} ({row.Reference})" : "")
            + (row.Ratio is { } ratio ? string.Create(CultureInfo.InvariantCulture, $", ratio {ratio:0.00}") : ""));
    }

    public string Render()
    {
        string[] header = ["Case", "Ours (median)", "Reference", "Reference (median)", "Ratio", "Goal", "Met"];
        var cells = _rows.Select(r => new[]
        {
            r.Case, r.Ours, r.Reference, r.ReferenceValue,
            r.Ratio is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "",
            r.Goal, r.Met switch { true => "yes", false => "NO", null => "" },
        }.Select(Cell).ToArray()).ToList();
        var widths = header.Select((h, i) => cells.Select(c => c[i].Length).Prepend(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> values) =>
            text.Append("| ").AppendJoin(" | ", values.Select((v, i) => v.PadRight(widths[i]))).AppendLine(" |");
        Line(header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        cells.ForEach(Line);
        return text.ToString();
    }

    /// <summary>A shell pipeline's <c>|</c> would end the Markdown cell.</summary>
    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
