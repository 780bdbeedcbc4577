namespace ImagePipeline.Engine.Tests;

public sealed class HelpWriterTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Help_ChainBuild_MatchesExpected()
    {
        var (result, output) = await harness.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        ExpectedOutput.AssertMatches("Help", output);
    }

    [Fact]
    public async Task Help_ParameterBuild_MatchesExpectedWithSecretMasked()
    {
        var (_, output) = await harness.RunAsync(new ParameterBuild(), ["--help"]);

        ExpectedOutput.AssertMatches("HelpParameters", output);
        Assert.DoesNotContain("default-secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoTarget_PrintsHelpAndDoesNothing()
    {
        var build = new ChainBuild();

        var (result, output) = await harness.RunAsync(build, []);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Usage: build", output, StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }
}
