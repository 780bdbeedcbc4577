namespace ImagePipeline.Engine;

/// <summary>GitHub Actions workflow commands (<c>::error file=…::message</c>, <c>::warning::…</c>), escaped as the runner requires.</summary>
internal static class WorkflowCommands
{
    public static bool IsRunning(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("GITHUB_ACTIONS", out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An annotation: <c>::error::message</c> or <c>::warning::message</c> (<paramref name="command"/>), with
    /// <c>file</c>, <c>line</c>, <c>col</c> properties when given.
    /// </summary>
    public static string Annotation(string command, string message, string? file, string? line, string? column)
    {
        var properties = new[] { ("file", file), ("line", line), ("col", column) }
            .Where(property => property.Item2 is not null)
            .Select(property => $"{property.Item1}={EscapeProperty(property.Item2!)}");
        var joined = string.Join(',', properties);
        return $"::{command}{(joined.Length > 0 ? " " + joined : string.Empty)}::{EscapeData(message)}";
    }

    public static string EscapeData(string value) => value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) => EscapeData(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}
