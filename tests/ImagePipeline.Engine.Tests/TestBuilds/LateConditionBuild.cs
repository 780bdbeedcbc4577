namespace ImagePipeline.Engine.Tests;

/// <summary>Prepare decides, while running, which inputs Use skips: conditions must be read after it.</summary>
public sealed class LateConditionBuild : BuildBase
{
    private readonly HashSet<string> skip = [];

    public Target Prepare => _ => _.Runs(() => skip.Add("x"));

    public Target Use => _ => _
        .ForEach(() => ["x", "y"])
        .DependsOn(Prepare)
        .OnlyWhen(input => !skip.Contains(input), "prepared says no")
        .Executes((_, _) => Task.CompletedTask);
}
