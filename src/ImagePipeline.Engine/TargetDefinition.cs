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

    public ITargetDefinition Description(string description) => With(() => DescriptionText = description);

    public ITargetDefinition DependsOn(params Target[] targets) => With(() => Dependencies.AddRange(targets));

    public ITargetDefinition After(params Target[] targets) => With(() => Predecessors.AddRange(targets));

    public ITargetDefinition OnlyWhen(Func<bool> condition, string reason) => With(() => Conditions.Add((_ => condition(), reason)));

    public ITargetDefinition OnlyWhen(Func<string, bool> condition, string reason) => With(() => Conditions.Add((condition, reason)), usesInput: true);

    public ITargetDefinition ProceedAfterFailure() => With(() => ProceedsAfterFailure = true);

    public ITargetDefinition Uses(params string[] parameters) => With(() => (UsedParameters ??= []).AddRange(parameters));

    public ITargetDefinition Unlisted() => With(() => IsUnlisted = true);

    public ITargetDefinition ForEach(Func<IEnumerable<string>> inputs, string inputName = "input") => With(() => (Inputs, InputName) = (inputs, inputName));

    public ITargetDefinition Executes(Func<CancellationToken, Task> action) => With(() => Actions.Add((_, ct) => action(ct)));

    public ITargetDefinition Executes(Func<string, CancellationToken, Task> action) => With(() => Actions.Add((input, ct) => action(input!, ct)), usesInput: true);

    private TargetDefinition With(Action record, bool usesInput = false)
    {
        record();
        UsesInput |= usesInput;
        return this;
    }
}
