using System.Collections.Concurrent;

namespace ImagePipeline.Engine.Tests;

/// <summary>
/// Validate (proceeds after failure) → Check[a|b] (proceeds) → Publish[a|b], and Collect over Check;
/// separately Strict → Lenient (proceeds) → Last.
/// </summary>
public sealed class ProceedBuild : BuildBase
{
    [Parameter("Steps whose action throws, e.g. Validate or Check[a]")]
    public string[] Fail { get; private set; } = [];

    public ConcurrentQueue<string> Ran { get; } = new();

    public Target Validate => _ => _.ProceedAfterFailure().Executes(_ => Step(nameof(Validate)));

    public Target Check => _ => _
        .ForEach(() => ["a", "b"], "item")
        .DependsOn(Validate)
        .ProceedAfterFailure()
        .Executes((item, _) => Step($"Check[{item}]"));

    public Target Publish => _ => _
        .ForEach(() => ["a", "b"], "item")
        .DependsOn(Check)
        .Executes((item, _) => Step($"Publish[{item}]"));

    public Target Collect => _ => _.DependsOn(Check).Executes(_ => Step(nameof(Collect)));

    public Target Strict => _ => _.Executes(_ => Step(nameof(Strict)));

    public Target Lenient => _ => _.DependsOn(Strict).ProceedAfterFailure().Executes(_ => Step(nameof(Lenient)));

    public Target Last => _ => _.DependsOn(Lenient).Executes(_ => Step(nameof(Last)));

    private Task Step(string name)
    {
        Ran.Enqueue(name);
        return Fail.Contains(name) ? throw new InvalidOperationException($"{name} broke") : Task.CompletedTask;
    }
}
