using System.Text;

namespace ImagePipeline.Engine;

/// <summary>
/// Generates a Markdown reference of a build — every listed target with its description, dependencies and
/// ordering, every parameter with its option, environment variable, default and description — from the build
/// definition itself, so a committed copy can be checked for staleness like <see cref="BuildSchema"/>.
/// Deterministic: declaration order, <c>\n</c> newlines.
/// </summary>
public static class BuildReference
{
    /// <param name="build">A freshly constructed build: its parameter values are shown as the defaults.</param>
    /// <param name="title">The document's heading.</param>
    /// <param name="regenerateCommand">The command that rewrites the file, named in the note under the heading.</param>
    public static string Generate(BuildBase build, string title, string regenerateCommand)
    {
        ArgumentNullException.ThrowIfNull(build);
        var parameters = BuildParameter.Discover(build.GetType());
        var graph = TargetGraph.Create(build, parameters);
        var text = new StringBuilder();
        text.Append("# ").Append(title).Append("\n\n");
        text.Append("<!-- Generated from the build definition by `").Append(regenerateCommand).Append("`; do not edit. -->\n\n");
        text.Append("## Targets\n\n");
        text.Append("`Family[input]` targets have one member per input; a member depends on the same input's member of the family it depends on.\n\n");
        text.Append("| Target | Description | Depends on | Runs after |\n|---|---|---|---|\n");
        foreach (var target in graph.Targets.Where(t => !t.Definition.IsUnlisted))
        {
            Row(text, Code(target.DisplayName), Prose(target.Definition.DescriptionText ?? string.Empty),
                Names(target.Dependencies), Names(target.Predecessors.Except(target.Dependencies)));
        }

        text.Append("\n## Parameters\n\n");
        text.Append(Prose(HelpWriter.Precedence(build.EnvironmentPrefixOf))).Append(" Engine options are read from the command line only.\n\n");
        text.Append("| Option | Environment | Default | Description |\n|---|---|---|---|\n");
        foreach (var parameter in parameters)
        {
            var option = $"{parameter.Option} {ValueConverter.Hint(parameter)}".TrimEnd();
            var environment = parameter.EnvironmentNames(build.EnvironmentPrefixOf);
            Row(text, Code(option), environment.Count > 0 ? string.Join(", ", environment.Select(Code)) : parameter.IsEngineOption ? "(command line only)" : "-",
                parameter.Display(parameter.GetValue(build)) is { } shown ? Code(shown) : string.Empty, Prose(parameter.Attribute.Description));
        }

        return text.ToString();
    }

    private static string Names(IEnumerable<BuildTarget> targets) => string.Join(", ", targets.Select(t => Code(t.Name)));

    private static string Code(string value) => "`" + value + "`";

    /// <summary>Text outside code spans: <c>&lt;path&gt;</c> would otherwise vanish as an HTML tag.</summary>
    private static string Prose(string value) =>
        value.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static void Row(StringBuilder text, params string[] cells) =>
        text.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
}
