namespace ImagePipeline.Engine.Tests;

/// <summary>First → Second → Third → First (the last edge through After).</summary>
public sealed class CycleBuild : BuildBase
{
    public Target First => _ => _.DependsOn(Second);

    public Target Second => _ => _.DependsOn(Third);

    public Target Third => _ => _.After(First);
}
