namespace ImagePipeline.Engine.Tests;

public sealed class StatusOfTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task StatusOf_FamilyWithAFailedMember_IsFailedOnceAllFinished()
    {
        var build = new StatusBuild();

        var (result, _) = await harness.RunAsync(build, ["Report", "Check", "Fetch", "--fail", "a"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal((StepStatus.Succeeded, null, false), build.Seen["Fetch[a]"]);
        Assert.Equal((StepStatus.Succeeded, StepStatus.Failed, true), build.Seen["Report[x]"]);
        Assert.Equal((StepStatus.Skipped, "an earlier target failed"), result.Steps.Where(s => s.Name == "Report[x]").Select(s => (s.Status, s.Note)).Single());
    }

    [Fact]
    public async Task StatusOf_FamilyAllSucceeded_IsSucceededAndNothingHasFailed()
    {
        var build = new StatusBuild();

        var (result, _) = await harness.RunAsync(build, ["Report", "Fetch"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal((null, StepStatus.Succeeded, false), build.Seen["Report[x]"]);
        Assert.Equal(StepStatus.Succeeded, result.Steps.Single(s => s.Name == "Report[x]").Status);
    }

    [Fact]
    public async Task StatusOf_TargetsNotInThePlan_AreNull()
    {
        var build = new StatusBuild();

        await harness.RunAsync(build, ["Report"]);

        Assert.Equal((null, null, false), build.Seen["Report[x]"]);
    }

    [Fact]
    public async Task HasFailed_AfterAPlainTargetFailed_IsTrueForLaterConditions()
    {
        var build = new StatusBuild();

        var (result, _) = await harness.RunAsync(build, ["Fetch", "Check", "--fail-check", "--parallelism", "1"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal((StepStatus.Failed, null, true), build.Seen["Fetch[a]"]);

        // Fetch[a] has finished by now, but the family has not: its status is still unknown.
        Assert.Equal((StepStatus.Failed, null, true), build.Seen["Fetch[b]"]);
    }
}
