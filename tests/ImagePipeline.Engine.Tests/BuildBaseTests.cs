namespace ImagePipeline.Engine.Tests;

public sealed class BuildBaseTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData(new[] { "Sync" }, 0)]
    [InlineData(new[] { "Sync", "--unchanged", "a", "b", "c" }, 0)]
    [InlineData(new[] { "Sync", "--fail", "a" }, 1)]
    [InlineData(new[] { "Sync", "--invalid" }, 2)]
    [InlineData(new[] { "Nope" }, 2)]
    [InlineData(new[] { "--nope" }, 2)]
    public async Task ExecuteAsync_ReturnsExitCode(string[] args, int exitCode)
    {
        using var output = new StringWriter();
        var context = new BuildContext { Output = output, WorkingDirectory = harness.WorkingDirectory };

        Assert.Equal(exitCode, await BuildBase.ExecuteAsync<ChainBuild>(args, context));
    }

    [Fact]
    public async Task RootDirectory_IsFoundByWalkingUpToNuke()
    {
        var build = new RootBuild();

        await harness.RunAsync(build, ["Show"]);

        Assert.Equal(harness.Root, build.SeenRoot);
    }
}
