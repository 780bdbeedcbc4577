using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Schemas;

public sealed class BuildSchemaTests
{
    [Fact]
    public void BuildSchema_CommittedFile_IsCurrent()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".nuke", "build.schema.json"));

        var generated = BuildSchema.Generate<Build>();

        Assert.True(committed == generated, ".nuke/build.schema.json is stale: run ./build.sh GenerateSchemas and commit the result");
    }

    [Fact]
    public void BuildSchema_ListsBuildParametersButNoEngineOption()
    {
        var generated = BuildSchema.Generate<Build>();

        Assert.Contains("\"MaxDelete\"", generated, StringComparison.Ordinal);
        Assert.Contains("\"minimum\": 0", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Skip\"", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Help\"", generated, StringComparison.Ordinal);
    }
}
