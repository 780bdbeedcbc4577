namespace ImagePipeline.Engine;

/// <summary>Left-aligned columns, two spaces apart, sized to their widest cell; lines carry no trailing spaces.</summary>
internal static class TextTable
{
    public static IEnumerable<string> Format(IReadOnlyList<string[]> rows, string indent = "")
    {
        var widths = Enumerable.Range(0, rows.Max(row => row.Length))
            .Select(column => rows.Max(row => column < row.Length ? row[column].Length : 0))
            .ToArray();
        return rows.Select(row => (indent + string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column])))).TrimEnd());
    }
}
