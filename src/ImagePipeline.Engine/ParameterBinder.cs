using System.Text.Json;

namespace ImagePipeline.Engine;

/// <summary>
/// Fills a build's parameters. Precedence: arguments, then environment variables (<see cref="BuildParameter.EnvironmentNames"/>
/// in order; engine options never), then <c>.nuke/parameters.json</c>. Members nobody sets keep their initial value.
/// </summary>
internal static class ParameterBinder
{
    private static readonly char[] ListSeparators = [',', ' ', '\t', '\r', '\n'];

    /// <summary>Binds <paramref name="build"/>'s parameters and returns its root directory (<c>--root</c> or the nearest <c>.nuke/</c>).</summary>
    public static string Bind(BuildBase build, IReadOnlyList<BuildParameter> parameters, CommandLine commandLine, BuildContext context)
    {
        foreach (var (parameter, values) in commandLine.Values)
        {
            parameter.SetValue(build, ValueConverter.Convert(parameter, values, "command line"));
        }

        var root = build.Root is { } given ? Path.GetFullPath(given, context.WorkingDirectory) : FindRootDirectory(context.WorkingDirectory);
        if (!Directory.Exists(root))
        {
            throw new UsageException($"--root {CommandLine.Shorten(root)} is not a directory.");
        }

        var file = ReadParametersFile(root, parameters);
        foreach (var parameter in parameters.Where(p => !commandLine.Values.ContainsKey(p)))
        {
            // Empty variables count as unset: CI passes missing secrets as empty.
            if (parameter.EnvironmentNames(build.EnvironmentPrefixOf).FirstOrDefault(name => context.Environment.GetValueOrDefault(name) is { Length: > 0 }) is { } variable)
            {
                var value = context.Environment[variable];
                List<string> values = parameter.IsList ? [.. value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries)] : [value];
                parameter.SetValue(build, ValueConverter.Convert(parameter, values, $"environment variable {variable}"));
            }
            else if (file.TryGetValue(parameter, out var values))
            {
                parameter.SetValue(build, ValueConverter.Convert(parameter, values, ".nuke/parameters.json"));
            }
        }

        return root;
    }

    private static string FindRootDirectory(string workingDirectory)
    {
        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
            {
                return directory.FullName;
            }
        }

        return Path.GetFullPath(workingDirectory);
    }

    private static Dictionary<BuildParameter, List<string>> ReadParametersFile(string root, IReadOnlyList<BuildParameter> parameters)
    {
        const string File = ".nuke/parameters.json";
        var path = Path.Combine(root, File);
        if (!System.IO.File.Exists(path))
        {
            return [];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(System.IO.File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new UsageException($"{File} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{File} must hold a JSON object.");
            }

            var values = new Dictionary<BuildParameter, List<string>>();
            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != "$schema" && p.Value.ValueKind != JsonValueKind.Null))
            {
                var parameter = parameters.FirstOrDefault(p => p.IsNamed(property.Name) || string.Equals(p.Option, "--" + property.Name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new UsageException($"Unknown key '{CommandLine.Shorten(property.Name)}' in {File}." + Suggestions.DidYouMean(property.Name, parameters.Where(p => !p.IsEngineOption).Select(p => p.Name)));
                values[parameter] = parameter.IsEngineOption
                    ? throw new UsageException($"{File} cannot set {parameter.Name}, an engine option; pass {parameter.Option} on the command line.")
                    : property.Value.ValueKind == JsonValueKind.Array ? [.. property.Value.EnumerateArray().Select(item => Scalar(item, property.Name))]
                    : [Scalar(property.Value, property.Name)];
            }

            return values;
        }

        string Scalar(JsonElement element, string key) => element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw new UsageException($"'{CommandLine.Shorten(key)}' in {File} must be a string, number, boolean or a list of them."),
        };
    }
}
