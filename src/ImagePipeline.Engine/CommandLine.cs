namespace ImagePipeline.Engine;

/// <summary>
/// Words anywhere on the line are targets; <c>--name value</c> and <c>--name=value</c> set parameters.
/// A flag takes a following <c>true</c>/<c>false</c> only; another option takes the next word (even <c>-5</c>, so
/// range checks can name it); a list takes words up to the next option or the next target name — except
/// <c>--skip</c> and <c>--target</c>, whose values are target names. <c>-h</c> is <c>--help</c>, and a first word
/// <c>help</c> asks for help on the targets after it.
/// </summary>
internal sealed class CommandLine
{
    public List<string> Targets { get; } = [];

    /// <summary>Values per option given; a flag or list given without values maps to an empty list.</summary>
    public Dictionary<BuildParameter, List<string>> Values { get; } = [];

    /// <summary>The line started with the word <c>help</c>.</summary>
    public bool HelpWord { get; private set; }

    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyList<BuildParameter> parameters, IReadOnlyCollection<string> targetNames)
    {
        bool IsTarget(string word) => targetNames.Contains(TargetGraph.TargetNameOf(word), StringComparer.OrdinalIgnoreCase);
        var line = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (i == 0 && arg.Equals("help", StringComparison.OrdinalIgnoreCase) && !IsTarget(arg))
            {
                line.HelpWord = true;
                continue;
            }

            if (!arg.StartsWith('-'))
            {
                line.Targets.Add(arg);
                continue;
            }

            var (name, inline) = arg.IndexOf('=', StringComparison.Ordinal) is var equals and > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
            name = name == "-h" ? "--help" : name;
            var parameter = parameters.FirstOrDefault(p => string.Equals(p.Option, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"Unknown option '{Shorten(name)}'." + Suggestions.DidYouMean(name, parameters.Select(p => p.Option)));
            if (!line.Values.TryAdd(parameter, []) && !parameter.IsList)
            {
                throw new UsageException($"{parameter.Option} is given more than once.");
            }

            var values = line.Values[parameter];
            if (inline is not null)
            {
                values.Add(inline);
                continue;
            }

            bool Takes(string next) =>
                parameter.IsFlag ? bool.TryParse(next, out _)
                : parameter.IsList ? !next.StartsWith('-') && (parameter.TakesTargets || !IsTarget(next))
                : !next.StartsWith("--", StringComparison.Ordinal); // one value: the loop stops after it

            while (i + 1 < args.Count && Takes(args[i + 1]) && (parameter.IsList || values.Count == 0))
            {
                values.Add(args[++i]);
            }
        }

        return line;
    }

    /// <summary>At most ~100 characters of what the user typed, for messages.</summary>
    public static string Shorten(string value) => value.Length <= 100 ? value : value[..97] + "…";
}
