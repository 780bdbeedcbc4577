namespace ImagePipeline.Engine.Tests;

/// <summary>A family whose inputs cannot be computed, beside a plain target that does not need them.</summary>
public sealed class UnusedFamilyBuild : BuildBase
{
    public int InputEvaluations { get; private set; }

    public Target Standalone => _ => _
        .Description("Needs no inputs")
        .Runs(() => Ran = true);

    public bool Ran { get; private set; }

    public Target Family => _ => _
        .Description("Inputs come from a broken source")
        .ForEach(() =>
        {
            InputEvaluations++;
            throw new UsageException("inputs unavailable");
        })
        .Executes((_, _) => Task.CompletedTask);
}
