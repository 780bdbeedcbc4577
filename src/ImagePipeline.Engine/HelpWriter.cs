using System.Reflection;

namespace ImagePipeline.Engine;

/// <summary>Writes help (all targets and parameters, or what one target does and uses) and <c>--version</c>.</summary>
internal sealed class HelpWriter(TextWriter output, TargetGraph graph, IReadOnlyList<BuildParameter> parameters, IReadOnlyDictionary<BuildParameter, object?> defaults, string environmentPrefix)
{
    public void WriteAll()
    {
        output.WriteLine("Usage: build <target>... [--parameter value]...");
        output.WriteLine("       build help <target>   (or <target> --help): what it does, what it runs, the parameters it uses");
        output.WriteLine("       build --version");
        output.WriteLine();
        output.WriteLine("Targets:");
        WriteRows(graph.Targets.Where(target => !target.Definition.IsUnlisted).Select(target => new[]
        {
            target.DisplayName,
            string.Join("  ", new[] { target.Definition.DescriptionText ?? string.Empty, Arrow(target) }.Where(part => part.Length > 0)),
        }));
        WriteParameters("Parameters (--name value or --name=value; a list ends at the next option or target name):", parameters.Where(p => !p.IsEngineOption));
        WriteParameters("Engine options (command line only):", parameters.Where(p => p.IsEngineOption));
        output.WriteLine();
        output.WriteLine(Precedence(environmentPrefix));
    }

    public void WriteTarget(string name)
    {
        var target = graph.Targets.FirstOrDefault(t => string.Equals(t.Name, TargetGraph.TargetNameOf(name), StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"Unknown target '{CommandLine.Shorten(name)}'." + Suggestions.DidYouMean(name, graph.Targets.Select(t => t.Name)));
        output.WriteLine($"{target.DisplayName}: {target.Definition.DescriptionText ?? "(no description)"}");
        if (target.IsFamily)
        {
            output.WriteLine($"  One member per {target.Definition.InputName}: {target.Name}[<{target.Definition.InputName}>] runs one.");
        }

        var runs = graph.WithDependencies([target.Name]);
        output.WriteLine($"  Depends on: {Names(target.Dependencies)}");
        output.WriteLine($"  Runs after (when both run): {Names(target.Predecessors.Except(target.Dependencies))}");
        output.WriteLine($"  Running it runs: {Names(graph.Targets.Where(runs.Contains))}");
        var undeclared = graph.Targets.Where(t => runs.Contains(t) && t.Definition.UsedParameters is null).ToList();
        var used = parameters.Where(p => !p.IsEngineOption
            && (undeclared.Count > 0 || runs.Any(t => t.Definition.UsedParameters!.Any(p.IsNamed)))).ToList();
        WriteParameters(
            undeclared.Count > 0 ? $"Parameters (all of them: which ones {Names(undeclared)} use is not declared):" : "Parameters it uses:",
            used);
        output.WriteLine();
        output.WriteLine("Engine options: build --help lists them.");
    }

    /// <summary><c>Product 1.2.3 (commit abc…)</c> from the build assembly's informational version (the SDK appends the commit).</summary>
    public static string VersionLine(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        return VersionLine(assembly.GetCustomAttribute<AssemblyProductAttribute>()?.Product ?? assembly.GetName().Name!, informational);
    }

    public static string VersionLine(string product, string informationalVersion) =>
        informationalVersion.Split('+', 2) is [var version, var commit]
            ? $"{product} {version} (commit {commit})"
            : $"{product} {informationalVersion} (no commit recorded: built outside a git checkout)";

    public static string Precedence(string prefix) =>
        "Precedence: arguments, then environment variables ("
        + (prefix.Length > 0 ? $"{prefix}NAME, then " : string.Empty)
        + "NAME for names of two words or more, e.g. MAX_DELETE), then .nuke/parameters.json, then the default.";

    private static string Arrow(BuildTarget target) => target.Dependencies.Count == 0 ? string.Empty : "-> " + Names(target.Dependencies);

    private static string Names(IEnumerable<BuildTarget> targets) =>
        targets.Any() ? string.Join(", ", targets.Select(t => t.DisplayName)) : "-";

    private void WriteParameters(string heading, IEnumerable<BuildParameter> shown)
    {
        output.WriteLine();
        output.WriteLine(heading);
        WriteRows(shown.Select(parameter =>
        {
            var environment = parameter.EnvironmentNames(environmentPrefix);
            var notes = new[]
            {
                parameter.Display(defaults[parameter]) is { } value ? $"default: {value}" : null,
                environment.Count > 0 ? $"env: {string.Join(" or ", environment)}" : null,
            }.OfType<string>().ToList();
            var option = (parameter.Option == "--help" ? "-h, " : string.Empty) + $"{parameter.Option} {ValueConverter.Hint(parameter)}".TrimEnd();
            return new[] { option, parameter.Attribute.Description + (notes.Count > 0 ? $" ({string.Join("; ", notes)})" : string.Empty) };
        }));
    }

    private void WriteRows(IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            output.WriteLine("  (none)");
            return;
        }

        foreach (var line in TextTable.Format(list, "  "))
        {
            output.WriteLine(line);
        }
    }
}
