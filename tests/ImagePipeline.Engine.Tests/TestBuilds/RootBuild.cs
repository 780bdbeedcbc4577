namespace ImagePipeline.Engine.Tests;

/// <summary>Exposes the root directory and can fail during initialisation.</summary>
public sealed class RootBuild : BuildBase
{
    [Parameter("Throw from OnInitializedAsync")]
    public bool FailInit { get; private set; }

    public string? Root { get; private set; }

    public Target Show => _ => _.Executes(() => Root = RootDirectory);

    protected override Task OnInitializedAsync(CancellationToken cancellationToken) =>
        FailInit ? throw new UsageException("manifest is broken") : Task.CompletedTask;
}
