using Spectre.Console;

namespace ImagePipeline.Build.Output;

/// <summary>
/// Column widths for a table on a terminal of a given width, decided here rather than by Spectre's layout so the result
/// is predictable: every column as wide as its widest cell, two spaces apart, no borders; when that is too wide, the
/// columns in <c>dropOrder</c> go one by one, then the first column (the name) is cut with "…" (never below 12).
/// A column given as <c>wrapping</c> takes the width that is left instead and wraps its text.
/// </summary>
internal sealed class TerminalColumns
{
    private const int Gap = 2;
    private const int NameMinimum = 12;

    private readonly string[] _headers;
    private readonly int[] _widths;
    private readonly int _rightAlignedFrom;

    private TerminalColumns(string[] headers, int[] widths, IReadOnlyList<int> shown, int rightAlignedFrom)
    {
        _headers = headers;
        _widths = widths;
        Shown = shown;
        _rightAlignedFrom = rightAlignedFrom;
    }

    /// <summary>The columns kept, in order.</summary>
    public IReadOnlyList<int> Shown { get; }

    public static TerminalColumns Fit(
        string[] headers, IReadOnlyList<string[]> rows, int width, IEnumerable<int> dropOrder, int rightAlignedFrom = int.MaxValue, int? wrapping = null)
    {
        var widths = Enumerable.Range(0, headers.Length).Select(c => rows.Select(r => r[c].Length).Append(headers[c].Length).Max()).ToArray();
        var shown = Enumerable.Range(0, headers.Length).ToList();
        var wrapMinimum = wrapping is { } w ? Math.Max(headers[w].Length, 20) : 0;
        int Others() => shown.Where(c => c != 0 && c != wrapping).Sum(c => widths[c]) + (Gap * (shown.Count - 1)) + (wrapping is null ? 0 : wrapMinimum);
        foreach (var column in dropOrder.TakeWhile(_ => Others() + NameMinimum > width))
        {
            shown.Remove(column);
        }

        widths[0] = Math.Min(widths[0], Math.Max(NameMinimum, width - Others()));
        if (wrapping is { } wrap && shown.Contains(wrap))
        {
            widths[wrap] = Math.Min(widths[wrap], Math.Max(wrapMinimum, width - (Others() - wrapMinimum) - widths[0]));
        }

        return new TerminalColumns(headers, widths, shown, rightAlignedFrom);
    }

    /// <summary>A borderless Spectre table with these columns; headers dimmed when colour is on.</summary>
    public Table Table(bool colour)
    {
        var table = new Table().Border(TableBorder.None);
        foreach (var column in Shown)
        {
            var header = new TableColumn(new Text(_headers[column], colour ? new Style(Color.Grey, decoration: Decoration.Bold) : Style.Plain))
                .Width(_widths[column])
                .Padding(0, 0, column == Shown[^1] ? 0 : Gap, 0);
            table.AddColumn(column >= _rightAlignedFrom ? header.RightAligned() : header);
        }

        return table;
    }

    /// <summary>One row's cells of the kept columns, each cut to its column's width (a wrapping column is wrapped instead).</summary>
    public Text[] Cells(string[] cells, Func<int, Style> style) =>
        [.. Shown.Select(column => new Text(Cut(cells[column], column == Shown[0] ? _widths[column] : int.MaxValue), style(column)))];

    private static string Cut(string cell, int width) => cell.Length <= width ? cell : cell[..(width - 1)] + "…";
}
