namespace ImagePipeline.Engine.Tests;

public sealed class TargetGraphTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Run_Cycle_ExitsTwoShowingThePath()
    {
        var (result, output) = await harness.RunAsync(new CycleBuild(), ["First"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("The targets form a cycle: First -> Second -> Third -> First", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownTarget_ExitsTwoSuggestingNearestNames()
    {
        var (result, output) = await harness.RunAsync("Verfy");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown target 'Verfy'. Did you mean Verify?", output, StringComparison.Ordinal);
        Assert.Empty(result.Steps);
    }

    [Fact]
    public async Task Run_TargetOutsideAFamily_NeverEvaluatesTheFamilysInputs()
    {
        var build = new UnusedFamilyBuild();

        var (result, _) = await harness.RunAsync(build, ["Standalone"]);

        Assert.Equal(0, result.ExitCode);
        Assert.True(build.Ran);
        Assert.Equal(0, build.InputEvaluations);
    }

    [Fact]
    public async Task Run_FamilyWhoseInputsFail_ExitsTwo()
    {
        var (result, output) = await harness.RunAsync(new UnusedFamilyBuild(), ["Family"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("inputs unavailable", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TargetNamesAreCaseInsensitive()
    {
        var build = new ChainBuild();

        var (result, _) = await harness.RunAsync(build, ["vALIDATE"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Validate"], build.Ran);
    }

    [Fact]
    public async Task Run_DuplicateInput_ExitsTwo()
    {
        var (result, output) = await harness.RunAsync("Sync", "--inputs", "a", "A");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Target Acquire has the input 'a' more than once.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnlistedTarget_CanBeInvoked()
    {
        var build = new ChainBuild();

        var (result, _) = await harness.RunAsync(build, ["Internal"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Internal"], build.Ran);
    }
}
