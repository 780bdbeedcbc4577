namespace ImagePipeline.Engine.Tests;

public sealed class BuildPlanTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Plan_Sync_ListsDependenciesFirstInDeclarationOrder()
    {
        var (result, output) = await harness.RunAsync("Sync", "Prune", "--plan", "--skip", "Verify[b]", "--fail", "b");

        Assert.Equal(0, result.ExitCode);
        ExpectedOutput.AssertMatches("Plan", output);
    }

    [Fact]
    public async Task Plan_DoesNotRunAnything()
    {
        var build = new ChainBuild();

        await harness.RunAsync(build, ["Sync", "--plan"]);

        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task Run_After_OrdersWithoutImplyingExecution()
    {
        var build = new OrderBuild();

        var (result, _) = await harness.RunAsync(build, ["Report", "Publish", "Clean", "--parallelism", "1"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Clean", "Compile", "Publish", "Report"], build.Ran);
    }

    [Fact]
    public async Task Run_AfterTargetNotInvoked_IsNotRun()
    {
        var build = new OrderBuild();

        await harness.RunAsync(build, ["Publish"]);

        Assert.Equal(["Compile", "Publish"], build.Ran);
    }

    [Fact]
    public async Task Skip_NamedTargets_SkipsOnlyThoseAndKeepsTheirDependencies()
    {
        var build = new ChainBuild();

        var (result, _) = await harness.RunAsync(build, ["Sync", "--skip", "acquire", "Verify[c]"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Sync", "Validate", "Verify[a]", "Verify[b]"], build.Ran.Order(StringComparer.Ordinal));
        Assert.All(result.Steps.Where(s => s.Target == "Acquire" || s.Name == "Verify[c]"), s => Assert.Equal((StepStatus.Skipped, "--skip"), (s.Status, s.Note)));
    }

    [Fact]
    public async Task Skip_WithoutNames_SkipsEveryDependencyOfTheInvokedTargets()
    {
        var build = new ChainBuild();

        var (result, _) = await harness.RunAsync(build, ["Sync", "--skip"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Sync"], build.Ran);
        Assert.Equal(7, result.Steps.Count(s => s.Status == StepStatus.Skipped));
    }

    [Fact]
    public async Task Skip_UnknownName_ExitsTwoWithSuggestion()
    {
        var (result, output) = await harness.RunAsync("Sync", "--skip", "Verfy");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown target 'Verfy'. Did you mean Verify?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FamilyMember_RunsOnlyThatInputsChain()
    {
        var build = new ChainBuild();

        var (result, _) = await harness.RunAsync(build, ["verify[b]"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Validate", "Acquire[b]", "Verify[b]"], build.Ran);
    }

    [Fact]
    public async Task Run_UnknownMember_ExitsTwoWithSuggestion()
    {
        var (result, output) = await harness.RunAsync("Verify[d]");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown target 'Verify[d]'. Did you mean Verify[a], Verify[b], Verify[c]?", output, StringComparison.Ordinal);
    }
}
