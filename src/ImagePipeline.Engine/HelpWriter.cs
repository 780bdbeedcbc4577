namespace ImagePipeline.Engine;

/// <summary>Writes <c>--help</c>: usage, listed targets with description and direct dependencies, parameters.</summary>
internal static class HelpWriter
{
    public static void Write(TextWriter output, TargetGraph graph, IReadOnlyList<BuildParameter> parameters, IReadOnlyDictionary<BuildParameter, object?> defaults)
    {
        output.WriteLine("Usage: build [targets...] [--skip [targets...]] [--plan] [--help] [--parameters...]");
        output.WriteLine();
        output.WriteLine("Targets:");
        var targets = graph.Targets.Where(target => !target.Definition.IsUnlisted).Select(target => new[]
        {
            target.DisplayName,
            string.Join("  ", new[]
            {
                target.Definition.DescriptionText ?? string.Empty,
                target.Dependencies.Count == 0 ? string.Empty : "-> " + string.Join(", ", target.Dependencies.Select(d => d.Name)),
            }.Where(part => part.Length > 0)),
        }).ToList();
        WriteRows(output, targets);

        output.WriteLine();
        output.WriteLine("Parameters:");
        WriteRows(output, [.. parameters.Select(parameter => new[]
        {
            $"{parameter.Option} {ValueConverter.Hint(parameter)}".TrimEnd(),
            parameter.Display(defaults[parameter]) is { } shown
                ? $"{parameter.Description} (default: {shown}; env: {parameter.EnvironmentName})"
                : $"{parameter.Description} (env: {parameter.EnvironmentName})",
        })]);
    }

    private static void WriteRows(TextWriter output, List<string[]> rows)
    {
        if (rows.Count == 0)
        {
            output.WriteLine("  (none)");
            return;
        }

        foreach (var line in TextTable.Format(rows, "  "))
        {
            output.WriteLine(line);
        }
    }
}
