namespace ImagePipeline.Engine.Tests;

/// <summary>Exposes the root directory.</summary>
public sealed class RootBuild : BuildBase
{
    public string? SeenRoot { get; private set; }

    public Target Show => _ => _.Runs(() => SeenRoot = RootDirectory);
}
