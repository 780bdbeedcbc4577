namespace ImagePipeline.Engine.Tests;

/// <summary>Exposes the root directory.</summary>
public sealed class RootBuild : BuildBase
{
    public string? Root { get; private set; }

    public Target Show => _ => _.Runs(() => Root = RootDirectory);
}
