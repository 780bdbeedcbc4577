using System.Collections.Concurrent;

namespace ImagePipeline.Engine.Tests;

/// <summary>
/// Check, then Fetch[a|b], then Gather, then Report[x] (a family member pairs with other families by input,
/// so it waits for all of Fetch through the plain Gather); the members' conditions record what they saw.
/// </summary>
public sealed class StatusBuild : BuildBase
{
    [Parameter("Make Check throw")]
    public bool FailCheck { get; private set; }

    [Parameter("Items whose Fetch throws")]
    public string[] Fail { get; private set; } = [];

    /// <summary>Per member: StatusOf(Check), StatusOf(Fetch) and HasFailed when its condition was evaluated.</summary>
    public ConcurrentDictionary<string, (StepStatus? Check, StepStatus? Fetch, bool HasFailed)> Seen { get; } = new();

    public Target Check => _ => _.Runs(() =>
    {
        if (FailCheck)
        {
            throw new InvalidOperationException("check broke");
        }
    });

    public Target Fetch => _ => _
        .ForEach(() => ["a", "b"], "item")
        .After(Check)
        .OnlyWhen(item => Observe($"Fetch[{item}]"), "never")
        .Executes((item, _) => Fail.Contains(item) ? throw new InvalidOperationException($"cannot fetch {item}") : Task.CompletedTask);

    public Target Gather => _ => _.After(Check, Fetch).Executes(_ => Task.CompletedTask);

    public Target Report => _ => _
        .ForEach(() => ["x"], "item")
        .DependsOn(Gather)
        .OnlyWhen(item => Observe($"Report[{item}]"), "never")
        .OnlyWhen(_ => !HasFailed, "an earlier target failed")
        .Executes((_, _) => Task.CompletedTask);

    private bool Observe(string member)
    {
        Seen[member] = (StatusOf(Check), StatusOf(Fetch), HasFailed);
        return true;
    }
}
