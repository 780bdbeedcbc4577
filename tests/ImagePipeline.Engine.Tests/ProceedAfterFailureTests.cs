namespace ImagePipeline.Engine.Tests;

public sealed class ProceedAfterFailureTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task PlainTargetFails_DependentsRunAndTheBuildStillFails()
    {
        var build = new ProceedBuild();

        var (result, output) = await harness.RunAsync(build, ["Publish", "Collect", "--fail=Validate"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Check[a]", "Check[b]", "Collect", "Publish[a]", "Publish[b]", "Validate"], build.Ran.Order(StringComparer.Ordinal));
        Assert.Equal((StepStatus.Failed, "Validate broke"), result.Steps.Where(s => s.Name == "Validate").Select(s => (s.Status, s.Note)).Single());
        Assert.All(result.Steps.Where(s => s.Name != "Validate"), s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.Matches(@"Validate\s+Failed\s+0:00\s+Validate broke", output);
    }

    [Fact]
    public async Task MemberFails_ItsDependentAndTheCollectingTargetRun()
    {
        var build = new ProceedBuild();

        var (result, _) = await harness.RunAsync(build, ["Publish", "Collect", "--fail=Check[a]"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Publish[a]", build.Ran);
        var statuses = result.Steps.ToDictionary(s => s.Name, s => s.Status);
        Assert.Equal(StepStatus.Failed, statuses["Check[a]"]);
        Assert.Equal(StepStatus.Succeeded, statuses["Publish[a]"]);
        Assert.Equal(StepStatus.Succeeded, statuses["Collect"]);
    }

    [Fact]
    public async Task DependencyNotRun_StillStopsItsDependents()
    {
        var build = new ProceedBuild();

        var (result, _) = await harness.RunAsync(build, ["Last", "--fail=Strict"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Strict"], build.Ran);
        var notes = result.Steps.ToDictionary(s => s.Name, s => (s.Status, s.Note));
        Assert.Equal((StepStatus.NotRun, "Strict failed"), notes["Lenient"]);
        Assert.Equal((StepStatus.NotRun, "Lenient did not run"), notes["Last"]);
    }
}
