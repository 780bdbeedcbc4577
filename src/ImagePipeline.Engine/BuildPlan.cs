namespace ImagePipeline.Engine;

/// <summary>
/// The steps to run in order (every dependency before its dependents, declaration order otherwise),
/// with the skips known before running (<c>--skip</c>).
/// </summary>
internal sealed class BuildPlan
{
    private readonly HashSet<BuildStep> selected;

    private BuildPlan(IReadOnlyList<BuildStep> steps, IReadOnlyDictionary<BuildStep, string> skipReasons)
    {
        Steps = steps;
        SkipReasons = skipReasons;
        selected = [.. steps];
    }

    public IReadOnlyList<BuildStep> Steps { get; }

    public IReadOnlyDictionary<BuildStep, string> SkipReasons { get; }

    /// <param name="graph">The expanded graph.</param>
    /// <param name="invoked">Target names from the command line.</param>
    /// <param name="skip">Null: skip nothing. Empty: skip everything not invoked. Otherwise: the named targets.</param>
    public static BuildPlan Create(TargetGraph graph, IReadOnlyList<string> invoked, IReadOnlyList<string>? skip)
    {
        var roots = invoked.SelectMany(graph.Resolve).ToHashSet();
        var selected = new HashSet<BuildStep>();
        var pending = new Stack<BuildStep>(roots);
        while (pending.TryPop(out var step))
        {
            if (selected.Add(step))
            {
                step.Dependencies.ForEach(pending.Push);
            }
        }

        var ordered = new List<BuildStep>();
        var visited = new HashSet<BuildStep>();
        foreach (var step in selected.OrderBy(s => s.Index))
        {
            Visit(step);
        }

        // The target graph is acyclic, so this walk needs no cycle check.
        void Visit(BuildStep step)
        {
            if (!visited.Add(step))
            {
                return;
            }

            foreach (var before in step.Dependencies.Concat(step.Predecessors).Where(selected.Contains).OrderBy(s => s.Index))
            {
                Visit(before);
            }

            ordered.Add(step);
        }

        var skipped = skip switch
        {
            null => [],
            [] => selected.Except(roots),
            _ => skip.SelectMany(graph.Resolve).Where(selected.Contains),
        };
        return new BuildPlan(ordered, skipped.Distinct().ToDictionary(step => step, _ => "--skip"));
    }

    public bool Contains(BuildStep step) => selected.Contains(step);

    /// <summary><c>--plan</c>: the steps in execution order with the skips known before running, and the parameters set.</summary>
    public void Write(TextWriter output, int parallelism, IEnumerable<(BuildParameter Parameter, string Value)> parameters)
    {
        output.WriteLine($"Plan: {Steps.Count} steps, parallelism {parallelism}");
        var rows = Steps.Select((step, i) => new[]
        {
            (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            step.Name,
            SkipReasons.TryGetValue(step, out var reason) ? "skipped: " + reason : string.Empty,
        }).ToList();
        foreach (var line in rows.Count > 0 ? TextTable.Format(rows, "  ") : [])
        {
            output.WriteLine(line);
        }

        var set = parameters.Select(pair => $"  {pair.Parameter.Option} {pair.Value}").ToList();
        if (set.Count > 0)
        {
            output.WriteLine("Parameters:");
            set.ForEach(output.WriteLine);
        }
    }

    /// <summary>The planned steps <paramref name="step"/> waits for.</summary>
    public IEnumerable<BuildStep> WaitsFor(BuildStep step) => step.Dependencies.Concat(step.Predecessors).Where(selected.Contains).Distinct();
}
