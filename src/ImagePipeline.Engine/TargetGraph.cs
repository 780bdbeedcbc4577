using System.Reflection;

namespace ImagePipeline.Engine;

/// <summary>
/// The targets of a build: read from its <see cref="Target"/> properties, checked for cycles,
/// and (once inputs are known) expanded into steps wired per input.
/// </summary>
internal sealed class TargetGraph
{
    private readonly Dictionary<Target, BuildTarget> byDelegate;

    private TargetGraph(Dictionary<Target, BuildTarget> byDelegate)
    {
        this.byDelegate = byDelegate;
        Targets = [.. byDelegate.Values];
    }

    /// <summary>In declaration order.</summary>
    public IReadOnlyList<BuildTarget> Targets { get; }

    public IEnumerable<BuildStep> Steps => Targets.SelectMany(target => target.Steps);

    /// <param name="parameters">The build's parameters (<see cref="BuildParameter.Discover"/>), for checking the names targets use.</param>
    public static TargetGraph Create(BuildBase build, IReadOnlyList<BuildParameter> parameters)
    {
        const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var properties = new List<PropertyInfo>();
        for (var type = build.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            properties.AddRange(type.GetProperties(Members).Where(p => p.PropertyType == typeof(Target)).OrderBy(p => p.MetadataToken));
        }

        // Delegates compare equal when they wrap the same lambda on the same build, which is how references are resolved.
        var byDelegate = new Dictionary<Target, BuildTarget>();
        foreach (var property in properties)
        {
            var target = (Target)property.GetValue(build)!;
            var definition = new TargetDefinition();
            target(definition);
            byDelegate[target] = new BuildTarget(property.Name, byDelegate.Count, definition);
        }

        foreach (var target in byDelegate.Values)
        {
            var definition = target.Definition;
            target.Dependencies.AddRange(definition.Dependencies.Select(d => Resolve(byDelegate, d, target)).Distinct());
            target.Predecessors.AddRange(definition.Predecessors.Select(d => Resolve(byDelegate, d, target)));

            if (definition.UsesInput && !target.IsFamily)
            {
                throw new UsageException($"Target {target.Name} uses an input but has no ForEach.");
            }

            if (definition.UsedParameters?.FirstOrDefault(name => !parameters.Any(p => p.IsNamed(name))) is { } unknown)
            {
                throw new UsageException($"Target {target.Name} uses '{unknown}', which is not a parameter of the build.");
            }
        }

        var graph = new TargetGraph(byDelegate);
        graph.ThrowOnCycle();
        return graph;
    }

    /// <summary>
    /// Creates the steps and their edges of the invoked targets and of everything they depend on. Other families'
    /// inputs are never evaluated, so a target that needs no inputs runs even when they cannot be computed.
    /// </summary>
    public void Expand(IReadOnlyList<string> invoked)
    {
        var needed = WithDependencies(invoked);
        var index = 0;
        foreach (var target in Targets)
        {
            var inputs = !needed.Contains(target) ? [] : target.Definition.Inputs?.Invoke().ToList() ?? [null!];
            if (target.IsFamily && inputs.FirstOrDefault(string.IsNullOrWhiteSpace) is { } empty)
            {
                throw new UsageException($"Target {target.Name} has an empty input '{empty}'.");
            }

            if (inputs.GroupBy(input => input, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1) is { } duplicate)
            {
                throw new UsageException($"Target {target.Name} has the input '{duplicate.Key}' more than once.");
            }

            target.Steps.AddRange(inputs.Select(input => new BuildStep(target, input, index++)));
        }

        foreach (var step in Steps)
        {
            step.Dependencies.AddRange(step.Target.Dependencies.SelectMany(dependency => Counterparts(step, dependency)));
            step.Predecessors.AddRange(step.Target.Predecessors.SelectMany(predecessor => Counterparts(step, predecessor)));
        }
    }

    /// <summary><c>Family[input]</c> → <c>Family</c>; a plain target name as it is.</summary>
    internal static string TargetNameOf(string word) => word.Split('[')[0];

    /// <summary>The targets named (<c>Target</c> or <c>Family[input]</c>) and everything they depend on.</summary>
    public HashSet<BuildTarget> WithDependencies(IReadOnlyList<string> invoked)
    {
        var names = invoked.Select(TargetNameOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<BuildTarget>(Targets.Where(target => names.Contains(target.Name)));
        var needed = new HashSet<BuildTarget>();
        while (pending.TryPop(out var target))
        {
            if (needed.Add(target))
            {
                target.Dependencies.ForEach(pending.Push);
            }
        }

        return needed;
    }

    /// <summary>The steps named by a command-line word: <c>Target</c> (all its steps) or <c>Family[input]</c>. Case-insensitive.</summary>
    public IReadOnlyList<BuildStep> Resolve(string name)
    {
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        var targetName = bracket < 0 ? name : name[..bracket];
        var target = Targets.FirstOrDefault(t => string.Equals(t.Name, targetName, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"Unknown target '{name}'." + Suggestions.DidYouMean(targetName, Targets.Select(t => t.Name)));
        if (bracket < 0)
        {
            return target.Steps;
        }

        var input = name.EndsWith(']') ? name[(bracket + 1)..^1] : null;
        var step = target.Steps.FirstOrDefault(s => input is not null && string.Equals(s.Input, input, StringComparison.OrdinalIgnoreCase));
        return step is not null ? [step] : throw new UsageException(
            $"Unknown target '{name}'." + Suggestions.DidYouMean(name, target.Steps.Select(s => s.Name)));
    }

    /// <summary>The target a build's <see cref="Target"/> property declared.</summary>
    public BuildTarget Find(Target target) => byDelegate.TryGetValue(target, out var found)
        ? found
        : throw new UsageException("A target's status was asked for a Target that is not a property of the build.");

    /// <summary>A member of one family pairs with the same input's member of another; everything else pairs with all steps.</summary>
    private static List<BuildStep> Counterparts(BuildStep step, BuildTarget other)
    {
        if (step.Input is null || !other.IsFamily)
        {
            return other.Steps;
        }

        var counterpart = other.Steps.FirstOrDefault(s => s.Input == step.Input);
        return counterpart is not null ? [counterpart] : throw new UsageException(
            $"{step.Name} needs {other.Name}[{step.Input}], but {other.Name} has no input '{step.Input}'.");
    }

    private static BuildTarget Resolve(Dictionary<Target, BuildTarget> byDelegate, Target reference, BuildTarget from) =>
        byDelegate.TryGetValue(reference, out var target)
            ? target
            : throw new UsageException($"Target {from.Name} refers to a Target that is not a property of the build.");

    private void ThrowOnCycle()
    {
        var done = new HashSet<BuildTarget>();
        var path = new List<BuildTarget>();
        foreach (var target in Targets)
        {
            Visit(target);
        }

        void Visit(BuildTarget target)
        {
            if (done.Contains(target))
            {
                return;
            }

            var start = path.IndexOf(target);
            if (start >= 0)
            {
                var cycle = path.Skip(start).Append(target).Select(t => t.Name);
                throw new UsageException("The targets form a cycle: " + string.Join(" -> ", cycle));
            }

            path.Add(target);
            foreach (var next in target.Dependencies.Concat(target.Predecessors))
            {
                Visit(next);
            }

            path.RemoveAt(path.Count - 1);
            done.Add(target);
        }
    }
}
