namespace ImagePipeline.Engine.Tests;

/// <summary>Logs an error located in a file, then fails with a usage error, like a manifest check does.</summary>
public sealed class LocatedErrorBuild : BuildBase
{
    public Target Check => _ => _.Runs(() =>
    {
        Log.Warning("unencrypted file: {Path}", "a.yaml");
        Log.ForContext("File", "images/a,b.yaml").ForContext("Line", 3).ForContext("Column", 7).Error("100% wrong\nsecond line");
        throw new UsageException("1 error in the manifest");
    });
}
