namespace ImagePipeline.Engine;

/// <summary>A target of a build with its references resolved: a plain target, or a family of members.</summary>
internal sealed class BuildTarget(string name, int index, TargetDefinition definition)
{
    public string Name { get; } = name;

    /// <summary>Declaration order; the planner's tiebreak.</summary>
    public int Index { get; } = index;

    public TargetDefinition Definition { get; } = definition;

    public bool IsFamily => Definition.Inputs is not null;

    /// <summary>How help shows it: <c>Acquire[image]</c> for families.</summary>
    public string DisplayName => IsFamily ? $"{Name}[{Definition.InputName}]" : Name;

    public List<BuildTarget> Dependencies { get; } = [];

    /// <summary>Targets this one runs after when both run (its After).</summary>
    public List<BuildTarget> Predecessors { get; } = [];

    /// <summary>The plain target's single step, or one step per family input; filled by <see cref="TargetGraph.Expand"/>.</summary>
    public List<BuildStep> Steps { get; } = [];
}
