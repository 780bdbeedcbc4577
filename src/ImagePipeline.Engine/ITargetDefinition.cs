namespace ImagePipeline.Engine;

/// <summary>
/// The fluent surface a <see cref="Target"/> uses to describe itself. Every method returns the same definition.
/// Conditions and <see cref="ForEach"/> inputs are evaluated lazily: inputs once parameters are bound and only
/// for the targets the run needs, conditions right before the target (or member) would run.
/// </summary>
public interface ITargetDefinition
{
    /// <summary>One line shown by <c>--help</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>
    /// Targets that must succeed (or be skipped) first; invoking this target also runs them.
    /// A family member depends on the member with the same input of a dependency family;
    /// a plain target depends on every member of a dependency family.
    /// </summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Ordering only: when both run, this one starts after <paramref name="targets"/> have finished.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>
    /// Runs a family member only when <paramref name="condition"/> holds for its input; otherwise it is Skipped
    /// with <paramref name="reason"/>. Evaluated right before the member would run, so it sees the outcome of
    /// every step that finished (<see cref="BuildBase.StatusOf"/>, <see cref="BuildBase.HasFailed"/>).
    /// </summary>
    ITargetDefinition OnlyWhen(Func<string, bool> condition, string reason);

    /// <summary>Condition of a plain target; skipped with <paramref name="reason"/> when false.</summary>
    ITargetDefinition OnlyWhen(Func<bool> condition, string reason);

    /// <summary>
    /// When this target (or a member of this family) fails, the targets that depend on it still run instead of
    /// ending NotRun; a plain target collecting this family runs too, rather than failing for it. The failure
    /// itself stands: the step is Failed in the summary and the build exits 1 (or 2 for a usage error).
    /// Dependents that must not act on a failed dependency can ask <see cref="BuildBase.StatusOf"/> in a condition.
    /// A dependency that ended NotRun still stops its dependents.
    /// </summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>
    /// The parameters this target reads (<c>nameof</c> of the members), shown by <c>build help &lt;target&gt;</c> together
    /// with those of the targets it depends on. A name that is no parameter fails every run, so a rename cannot go
    /// stale silently. Help shows every parameter for a target that (or whose dependency) declares none.
    /// </summary>
    ITargetDefinition Uses(params string[] parameters);

    /// <summary>Hides the target from <c>--help</c> and the schema; it can still be invoked.</summary>
    ITargetDefinition Unlisted();

    /// <summary>
    /// Makes the target a family with one member per input, named <c>Target[input]</c>.
    /// <paramref name="inputName"/> is how <c>--help</c> shows the input, e.g. <c>Acquire[image]</c>.
    /// </summary>
    ITargetDefinition ForEach(Func<IEnumerable<string>> inputs, string inputName = "input");

    /// <summary>Adds an asynchronous, cancellable action.</summary>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);

    /// <summary>Adds a family member's action; it receives the member's input.</summary>
    ITargetDefinition Executes(Func<string, CancellationToken, Task> action);
}
