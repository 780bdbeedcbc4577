using System.Text.Json;

namespace ImagePipeline.Engine.Tests;

public sealed class OutputSinkTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Log_DomainCodeInsideTarget_CarriesTargetName()
    {
        var (_, output) = await harness.RunAsync("Acquire[b]");

        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d INF \[Acquire\[b\]\] Fetching b$", output);
    }

    [Fact]
    public async Task Log_GitHubActionsSerial_GroupsEachStepAndAnnotatesErrors()
    {
        harness.Environment["GITHUB_ACTIONS"] = "true";

        var (_, output) = await harness.RunAsync("Acquire", "--inputs", "a", "--fail", "a", "--parallelism", "1");

        Assert.Contains("::group::Validate\n", output, StringComparison.Ordinal);
        Assert.Contains("::group::Acquire[a]\n", output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split("::endgroup::").Length - 1);
        Assert.Contains("::error::[Acquire[a]] cannot fetch a\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_GitHubActionsParallel_WritesNoGroups()
    {
        harness.Environment["GITHUB_ACTIONS"] = "true";

        var (_, output) = await harness.RunAsync("Acquire");

        Assert.DoesNotContain("::group::", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_GitHubActionsErrorWithLocation_AnnotatesFileLineAndEscapes()
    {
        harness.Environment["GITHUB_ACTIONS"] = "true";

        var (result, output) = await harness.RunAsync(new LocatedErrorBuild(), ["Check"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("::error file=images/a%2Cb.yaml,line=3,col=7::[Check] 100%25 wrong%0Asecond line\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_GitHubActionsWarning_IsAWarningAnnotation()
    {
        harness.Environment["GITHUB_ACTIONS"] = "true";

        var (_, output) = await harness.RunAsync(new LocatedErrorBuild(), ["Check"]);

        Assert.Contains("\n::warning::[Check] unencrypted file: a.yaml\n", "\n" + output, StringComparison.Ordinal);
        Assert.DoesNotContain("WRN [Check] unencrypted", output, StringComparison.Ordinal);
        Assert.Contains("::error file=", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_JsonFormat_WritesOneObjectPerLine()
    {
        var (result, output) = await harness.RunAsync("Verify[a]", "--log-format", "json");

        Assert.Equal(0, result.ExitCode);
        var events = output.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Contains(events, e => e.GetProperty("@mt").GetString() == "Fetching {Input}" && e.GetProperty("Target").GetString() == "Acquire[a]");
        Assert.Contains(events, e => e.TryGetProperty("Step", out var step) && step.GetString() == "Verify[a]" && e.GetProperty("Status").GetString() == "Succeeded");
    }

    [Fact]
    public async Task Log_SecretValue_IsMaskedInLogsAndPlan()
    {
        harness.Environment["SECRET_KEY"] = "hunter2";

        var (_, run) = await harness.RunAsync(new ParameterBuild(), ["Show", "--verbosity", "verbose"]);
        var (_, plan) = await harness.RunAsync(new ParameterBuild(), ["Show", "--plan", "--dry-run"]);
        var (_, json) = await harness.RunAsync(new ParameterBuild(), ["Show", "--log-format", "json"]);

        Assert.Contains("Using secret *** for images/images.yaml", run, StringComparison.Ordinal);
        Assert.Contains("Parameter --secret-key = ***", run, StringComparison.Ordinal);
        Assert.Contains("--secret-key ***", plan, StringComparison.Ordinal);
        Assert.Contains("\"Secret\":\"***\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run + plan + json, StringComparison.Ordinal);
    }
}
