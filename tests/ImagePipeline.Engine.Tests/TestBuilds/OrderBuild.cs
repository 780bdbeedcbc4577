using System.Collections.Concurrent;

namespace ImagePipeline.Engine.Tests;

/// <summary>Ordering without dependencies: Compile runs after Clean when both run; Report after Publish.</summary>
public sealed class OrderBuild : BuildBase
{
    public ConcurrentQueue<string> Ran { get; } = new();

    public Target Report => _ => _.After(Publish).Runs(() => Ran.Enqueue(nameof(Report)));

    public Target Compile => _ => _.After(Clean).Runs(() => Ran.Enqueue(nameof(Compile)));

    public Target Publish => _ => _.DependsOn(Compile).Runs(() => Ran.Enqueue(nameof(Publish)));

    public Target Clean => _ => _.Runs(() => Ran.Enqueue(nameof(Clean)));
}
