using System.Text.Json;

namespace ImagePipeline.Engine;

/// <summary>
/// Fills a build's parameters. Precedence: arguments, then environment variables (exact name, then case- and
/// underscore-insensitive), then <c>.nuke/parameters.&lt;profile&gt;.json</c> (later profiles win), then
/// <c>.nuke/parameters.json</c>. Members nobody sets keep their initial value.
/// </summary>
internal sealed class ParameterBinder(IReadOnlyList<BuildParameter> parameters, IReadOnlyDictionary<string, string> environment, string rootDirectory)
{
    private static readonly char[] ListSeparators = [',', ' ', '\t', '\r', '\n'];

    public void Bind(BuildBase build, CommandLine commandLine)
    {
        var bound = new HashSet<BuildParameter>();
        foreach (var parameter in parameters)
        {
            if (commandLine.Values.TryGetValue(parameter, out var values))
            {
                Set(build, parameter, values, "command line");
                bound.Add(parameter);
            }
            else if (FindEnvironmentVariable(parameter) is { } name)
            {
                Set(build, parameter, SplitList(parameter, environment[name]), $"environment variable {name}");
                bound.Add(parameter);
            }
        }

        // Profiles pick the files, so they are bound (above) before any file is read.
        List<string> files = ["parameters.json", .. build.Profile.Select(profile => $"parameters.{profile}.json")];
        var fromFiles = new Dictionary<BuildParameter, (List<string> Values, string Origin)>();
        foreach (var file in files)
        {
            foreach (var (parameter, values) in ReadFile(file, required: file != "parameters.json"))
            {
                fromFiles[parameter] = (values, ".nuke/" + file);
            }
        }

        foreach (var (parameter, (values, origin)) in fromFiles.Where(pair => !bound.Contains(pair.Key)))
        {
            Set(build, parameter, values, origin);
        }
    }

    private void Set(BuildBase build, BuildParameter parameter, List<string> values, string origin) =>
        parameter.SetValue(build, ValueConverter.Convert(parameter, values, origin, rootDirectory));

    /// <summary>The exact name first, then the first loose match in ordinal order. Empty variables count as unset (CI passes missing secrets as empty).</summary>
    private string? FindEnvironmentVariable(BuildParameter parameter)
    {
        if (environment.TryGetValue(parameter.Name, out var exact))
        {
            return exact.Length > 0 ? parameter.Name : null;
        }

        var loose = NameStyle.Loose(parameter.Name);
        return environment.Keys.Order(StringComparer.Ordinal)
            .FirstOrDefault(key => NameStyle.Loose(key) == loose && environment[key].Length > 0);
    }

    private static List<string> SplitList(BuildParameter parameter, string value) => parameter.IsList
        ? [.. value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries)]
        : [value];

    private IEnumerable<(BuildParameter Parameter, List<string> Values)> ReadFile(string file, bool required)
    {
        var path = Path.Combine(rootDirectory, ".nuke", file);
        if (!File.Exists(path))
        {
            return required ? throw new UsageException($"Profile file .nuke/{file} does not exist.") : [];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new UsageException($".nuke/{file} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($".nuke/{file} must hold a JSON object.");
            }

            return [.. document.RootElement.EnumerateObject()
                .Where(property => property.Name != "$schema" && property.Value.ValueKind != JsonValueKind.Null)
                .Select(property => (Find(property.Name, file), ToValues(property, file)))];
        }
    }

    private BuildParameter Find(string key, string file)
    {
        var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.Option, "--" + key, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"Unknown key '{key}' in .nuke/{file}." + Suggestions.DidYouMean(key, parameters.Select(p => p.Name)));
        return parameter.Name == nameof(BuildBase.Profile)
            ? throw new UsageException($".nuke/{file} cannot set Profile; pass --profile instead.")
            : parameter;
    }

    private static List<string> ToValues(JsonProperty property, string file) => property.Value.ValueKind switch
    {
        JsonValueKind.Array => [.. property.Value.EnumerateArray().Select(item => Scalar(item, property.Name, file))],
        _ => [Scalar(property.Value, property.Name, file)],
    };

    private static string Scalar(JsonElement element, string key, string file) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new UsageException($"'{key}' in .nuke/{file} must be a string, number, boolean or a list of them."),
    };
}
