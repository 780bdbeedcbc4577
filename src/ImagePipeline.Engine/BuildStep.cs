namespace ImagePipeline.Engine;

/// <summary>One unit of execution: a plain target, or one member <c>Family[input]</c> of a family.</summary>
internal sealed class BuildStep(BuildTarget target, string? input, int index)
{
    public BuildTarget Target { get; } = target;

    /// <summary>The member's input; null for a plain target.</summary>
    public string? Input { get; } = input;

    /// <summary>Declaration order (target, then input); the planner's tiebreak.</summary>
    public int Index { get; } = index;

    public string Name => Input is null ? Target.Name : $"{Target.Name}[{Input}]";

    /// <summary>Steps that must finish without failing before this one runs.</summary>
    public List<BuildStep> Dependencies { get; } = [];

    /// <summary>Steps this one merely waits for when they are part of the plan.</summary>
    public List<BuildStep> Predecessors { get; } = [];

    public override string ToString() => Name;
}
