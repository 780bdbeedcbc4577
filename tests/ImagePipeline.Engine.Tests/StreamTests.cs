using System.Text.Json;

namespace ImagePipeline.Engine.Tests;

/// <summary>Data (help, plan, what targets write to Output) on stdout; logs and the summary on stderr.</summary>
public sealed class StreamTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Help_GoesToStdoutOnly()
    {
        var run = await harness.RunAsync("--help");

        Assert.StartsWith("Usage: build", run.Data, StringComparison.Ordinal);
        Assert.Empty(run.Log);
    }

    [Fact]
    public async Task Plan_GoesToStdoutOnly()
    {
        var run = await harness.RunAsync("Sync", "--plan");

        Assert.StartsWith("Plan: 8 steps", run.Data, StringComparison.Ordinal);
        Assert.Empty(run.Log);
    }

    [Fact]
    public async Task Run_TargetOutputOnStdout_LogsAndSummaryOnStderr()
    {
        var run = await harness.RunAsync("Sync");

        Assert.Equal("synced a b c\n", run.Data);
        Assert.Contains("INF [Sync] Started", run.Log, StringComparison.Ordinal);
        Assert.Contains("Total", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_GoesToStderr()
    {
        var run = await harness.RunAsync("Nope");

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Empty(run.Data);
        Assert.Contains("Unknown target 'Nope'", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLog_OneTypedObjectPerLineOnStderr_DataUntouchedOnStdout()
    {
        var run = await harness.RunAsync("Sync", "--log-format", "json");

        Assert.Equal("synced a b c\n", run.Data);
        var events = run.Log.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var result = events.Single(e => e.TryGetProperty("Step", out var step) && step.GetString() == "Sync");
        Assert.Equal(JsonValueKind.Number, result.GetProperty("Seconds").ValueKind);
        var succeeded = events.First(e => e.GetProperty("@mt").GetString() == "Succeeded in {Duration}");
        Assert.Equal(JsonValueKind.Number, succeeded.GetProperty("Seconds").ValueKind);
    }
}
