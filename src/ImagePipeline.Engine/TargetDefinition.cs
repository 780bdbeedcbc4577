namespace ImagePipeline.Engine;

/// <summary>What a <see cref="Target"/> declared about itself, as recorded through <see cref="ITargetDefinition"/>.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }

    public List<Target> Dependencies { get; } = [];

    public List<Target> Predecessors { get; } = [];

    /// <summary>Conditions with the reason to report when they are false; the argument is the member's input.</summary>
    public List<(Func<string, bool> Condition, string Reason)> Conditions { get; } = [];

    public List<Func<string?, CancellationToken, Task>> Actions { get; } = [];

    public bool IsUnlisted { get; private set; }

    /// <summary>Null when the target never said which parameters it uses.</summary>
    public List<string>? UsedParameters { get; private set; }

    /// <summary>Its failure does not stop its dependents (<see cref="ITargetDefinition.ProceedAfterFailure"/>).</summary>
    public bool ProceedsAfterFailure { get; private set; }

    public Func<IEnumerable<string>>? Inputs { get; private set; }

    public string InputName { get; private set; } = "input";

    /// <summary>True when an action or condition needs an input, which only family members have.</summary>
    public bool UsesInput { get; private set; }

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => AddTo(Dependencies, targets);

    public ITargetDefinition After(params Target[] targets) => AddTo(Predecessors, targets);

    public ITargetDefinition OnlyWhen(Func<bool> condition, string reason)
    {
        Conditions.Add((_ => condition(), reason));
        return this;
    }

    public ITargetDefinition OnlyWhen(Func<string, bool> condition, string reason)
    {
        UsesInput = true;
        Conditions.Add((condition, reason));
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        ProceedsAfterFailure = true;
        return this;
    }

    public ITargetDefinition Uses(params string[] parameters)
    {
        UsedParameters ??= [];
        UsedParameters.AddRange(parameters);
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        IsUnlisted = true;
        return this;
    }

    public ITargetDefinition ForEach(Func<IEnumerable<string>> inputs, string inputName = "input")
    {
        Inputs = inputs;
        InputName = inputName;
        return this;
    }

    public ITargetDefinition Executes(Func<CancellationToken, Task> action) => AddAction((_, ct) => action(ct));

    public ITargetDefinition Executes(Func<string, CancellationToken, Task> action)
    {
        UsesInput = true;
        return AddAction((input, ct) => action(input!, ct));
    }

    private TargetDefinition AddAction(Func<string?, CancellationToken, Task> action)
    {
        Actions.Add(action);
        return this;
    }

    private TargetDefinition AddTo(List<Target> list, Target[] targets)
    {
        list.AddRange(targets);
        return this;
    }
}
