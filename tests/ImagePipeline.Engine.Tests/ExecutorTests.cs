namespace ImagePipeline.Engine.Tests;

public sealed class ExecutorTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Run_OneMemberFails_OtherChainsCompleteAndCollectiveTargetFails()
    {
        var build = new ChainBuild();

        var (result, _) = await harness.RunAsync(build, ["Sync", "--fail", "b"]);

        Assert.Equal(1, result.ExitCode);
        var statuses = result.Steps.ToDictionary(s => s.Name, s => (s.Status, s.Note));
        Assert.Equal((StepStatus.Failed, "cannot fetch b"), statuses["Acquire[b]"]);
        Assert.Equal((StepStatus.NotRun, "Acquire[b] failed"), statuses["Verify[b]"]);
        Assert.Equal((StepStatus.Succeeded, null), statuses["Verify[a]"]);
        Assert.Equal((StepStatus.Succeeded, null), statuses["Verify[c]"]);
        Assert.Equal((StepStatus.Failed, "b: Acquire failed"), statuses["Sync"]);
        Assert.DoesNotContain("Sync", build.Ran);
    }

    [Fact]
    public async Task Run_PlainTargetFails_DependentsAreNotRunAndOrderingOnlyTargetsRun()
    {
        var build = new ChainBuild();

        var (result, _) = await harness.RunAsync(build, ["Sync", "Prune", "--fail", "a", "b", "c"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(StepStatus.Failed, result.Steps.Single(s => s.Name == "Sync").Status);
        Assert.Equal(StepStatus.Succeeded, result.Steps.Single(s => s.Name == "Prune").Status);
    }

    [Fact]
    public async Task Run_ValidateFails_EverythingDownstreamIsNotRun()
    {
        var build = new ChainBuild();

        var (result, _) = await harness.RunAsync(build, ["Sync", "--invalid"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["Validate"], build.Ran);
        Assert.All(result.Steps.Where(s => s.Target == "Acquire"), s => Assert.Equal((StepStatus.NotRun, "Validate failed"), (s.Status, s.Note)));
        Assert.All(result.Steps.Where(s => s.Target == "Verify"), s => Assert.Equal((StepStatus.NotRun, $"Acquire[{s.Input}] did not run"), (s.Status, s.Note)));
        Assert.Equal((StepStatus.Failed, "Validate failed"), (result.Steps[^1].Status, result.Steps[^1].Note));
    }

    [Fact]
    public async Task Run_OnlyWhenFalse_SkipsMemberWithReasonAndDependentsRun()
    {
        var build = new ChainBuild();

        var (result, output) = await harness.RunAsync(build, ["Verify", "--unchanged", "a"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal((StepStatus.Skipped, "unchanged"), result.Steps.Where(s => s.Name == "Acquire[a]").Select(s => (s.Status, s.Note)).Single());
        Assert.Contains("Verify[a]", build.Ran);
        Assert.Matches(@"Acquire\s+a\s+Skipped\s+unchanged", output);
    }

    [Fact]
    public async Task Run_Conditions_AreEvaluatedRightBeforeTheMemberRuns()
    {
        var build = new LateConditionBuild();

        var (result, _) = await harness.RunAsync(build, ["Use"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal((StepStatus.Skipped, "prepared says no"), result.Steps.Where(s => s.Name == "Use[x]").Select(s => (s.Status, s.Note)).Single());
        Assert.Equal(StepStatus.Succeeded, result.Steps.Single(s => s.Name == "Use[y]").Status);
    }

    [Fact]
    public async Task Run_Parallel_GivesTheSameResultsAsSerial()
    {
        string[] args = ["Sync", "Prune", "--inputs", "a", "b", "c", "d", "e", "f", "--fail", "b", "e", "--unchanged", "c"];
        var serialBuild = new ChainBuild();
        var parallelBuild = new ChainBuild();
        var running = 0;
        var mostRunning = 0;
        parallelBuild.OnAcquire = async (_, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostRunning, now);
            await Task.Delay(50, ct);
            Interlocked.Decrement(ref running);
        };

        var (serial, _) = await harness.RunAsync(serialBuild, [.. args, "--parallelism", "1"]);
        var (parallel, _) = await harness.RunAsync(parallelBuild, [.. args, "--parallelism", "3"]);

        Assert.Equal(serial.Steps.Select(s => (s.Name, s.Status, s.Note)), parallel.Steps.Select(s => (s.Name, s.Status, s.Note)));
        Assert.Equal(serial.ExitCode, parallel.ExitCode);
        Assert.Equal(serialBuild.Ran.Order(StringComparer.Ordinal), parallelBuild.Ran.Order(StringComparer.Ordinal));
        Assert.True(mostRunning > 1, $"members never overlapped (most running at once: {mostRunning})");
        Assert.True(mostRunning <= 3, $"more than 3 members ran at once: {mostRunning}");
    }

    [Fact]
    public async Task Run_Cancelled_RunningStepFailsRestNotRunAndSummaryPrints()
    {
        using var cancellation = new CancellationTokenSource();
        var build = new ChainBuild
        {
            OnAcquire = async (input, ct) =>
            {
                await cancellation.CancelAsync();
                await Task.Delay(Timeout.Infinite, ct);
            },
        };

        var (result, output) = await harness.RunAsync(build, ["Sync", "--parallelism", "1"], cancellation.Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal((StepStatus.Succeeded, null), (result.Steps[0].Status, result.Steps[0].Note));
        Assert.Equal((StepStatus.Failed, "cancelled"), (result.Steps[1].Status, result.Steps[1].Note));
        Assert.All(result.Steps.Skip(2), s => Assert.Equal(StepStatus.NotRun, s.Status));
        Assert.Contains("Total", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FailureWithoutVerbose_LogsMessageWithoutStackTrace()
    {
        var (_, quiet) = await harness.RunAsync("Acquire[a]", "--fail", "a");
        var (_, verbose) = await harness.RunAsync("Acquire[a]", "--fail", "a", "--verbosity", "verbose");

        Assert.Contains("ERR [Acquire[a]] cannot fetch a", quiet, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", quiet, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: cannot fetch a", verbose, StringComparison.Ordinal);
        Assert.Contains("   at ", verbose, StringComparison.Ordinal);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
