namespace ImagePipeline.Engine;

/// <summary>
/// <c>[targets…] [--option [values…]]…</c>: words before the first option are targets; an option takes the words
/// after it (lists take all of them, flags only <c>true</c>/<c>false</c>, others one); any word left over is a target.
/// </summary>
internal sealed class CommandLine
{
    private CommandLine(List<string> targets, Dictionary<BuildParameter, List<string>> values)
    {
        Targets = targets;
        Values = values;
    }

    public IReadOnlyList<string> Targets { get; }

    /// <summary>Values per option given; an option given without values maps to an empty list.</summary>
    public IReadOnlyDictionary<BuildParameter, List<string>> Values { get; }

    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyList<BuildParameter> parameters)
    {
        var targets = new List<string>();
        var values = new Dictionary<BuildParameter, List<string>>();
        BuildParameter? current = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                current = parameters.FirstOrDefault(p => string.Equals(p.Option, arg, StringComparison.OrdinalIgnoreCase))
                    ?? throw new UsageException($"Unknown option '{arg}'." + Suggestions.DidYouMean(arg, parameters.Select(p => p.Option)));
                if (!values.TryAdd(current, []) && !current.IsList)
                {
                    throw new UsageException($"{current.Option} is given more than once.");
                }
            }
            else if (current is not null && Accepts(current, values[current], arg))
            {
                values[current].Add(arg);
            }
            else
            {
                current = null;
                targets.Add(arg);
            }
        }

        return new CommandLine(targets, values);
    }

    private static bool Accepts(BuildParameter parameter, List<string> values, string arg) =>
        parameter.IsList
        || (values.Count == 0 && (!parameter.IsFlag || bool.TryParse(arg, out _)));
}
