using Spectre.Console;
using Spectre.Console.Rendering;

namespace ImagePipeline.Build.Output;

/// <summary>
/// The result table on a terminal: as wide as the terminal, digests shortened (<c>sha256:7d5e1418…</c>; List and the
/// metadata have them whole), the reason wrapped in the width that is left, the result coloured when colour is on.
/// </summary>
internal static class ResultView
{
    private const int DigestHexShown = 8;
    private const int Reason = 6;
    private const int Result = 5;

    public static IRenderable Render(IReadOnlyList<ResultRow> rows, bool colour, int width)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var cells = rows.Select(row => row.Cells).Select(c => c.Select((cell, i) => i == 3 ? Shortened(cell) : cell).ToArray()).ToList();
        var layout = TerminalColumns.Fit(ResultRow.Headers, cells, width, dropOrder: [1, 4], wrapping: Reason);
        var table = layout.Table(colour);
        foreach (var (row, text) in rows.Zip(cells))
        {
            table.AddRow(layout.Cells(text, column => column == Result && colour ? ResultStyle(row) : Style.Plain));
        }

        return new Rows(new Text("Images:"), table);
    }

    private static string Shortened(string digest) =>
        digest.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && digest.Length > colon + 1 + DigestHexShown
            ? digest[..(colon + 1 + DigestHexShown)] + "…"
            : digest;

    private static Style ResultStyle(ResultRow row) => row.Result switch
    {
        "published" => new Style(Color.Green),
        "unchanged" => new Style(Color.Grey),
        _ when row.Failed => new Style(Color.Red),
        _ => new Style(Color.Yellow),
    };
}
