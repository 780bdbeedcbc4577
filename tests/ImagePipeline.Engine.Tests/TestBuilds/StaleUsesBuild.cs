namespace ImagePipeline.Engine.Tests;

/// <summary>A target that still names a parameter which was renamed away.</summary>
public sealed class StaleUsesBuild : BuildBase
{
    public Target Show => _ => _.Uses("Gone").Runs(() => Log.Information("shown"));
}
