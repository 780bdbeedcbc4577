using System.Collections.Concurrent;

namespace ImagePipeline.Engine.Tests;

/// <summary>Ordering without dependencies: Clean runs before Compile when both run; Report after Publish.</summary>
public sealed class OrderBuild : BuildBase
{
    public ConcurrentQueue<string> Ran { get; } = new();

    public Target Report => _ => _.After(Publish).Executes(() => Ran.Enqueue(nameof(Report)));

    public Target Compile => _ => _.Executes(() => Ran.Enqueue(nameof(Compile)));

    public Target Publish => _ => _.DependsOn(Compile).Executes(() => Ran.Enqueue(nameof(Publish)));

    public Target Clean => _ => _.Before(Compile).Executes(() => Ran.Enqueue(nameof(Clean)));
}
