using System.Diagnostics;
using ImagePipeline.Testing;

namespace ImagePipeline.Engine.Tests;

/// <summary>SIGINT and SIGTERM sent with kill(1) to a test build running as its own process.</summary>
public sealed class SignalTests : IDisposable
{
    private readonly TempDirectory directory = new("signals");

    public void Dispose() => directory.Dispose();

    private string Marker => directory.Combine("cleaned-up");

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Signal_CancelsCooperatively_CleanupAndSummaryRun_ExitsWithTheSignalsCode(string signal, int exitCode)
    {
        using var child = await StartWaitingAsync();
        var stopwatch = Stopwatch.StartNew();

        PosixSignals.Send(child.Process, signal);
        var exited = await child.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.True(exited, "the build did not stop within 20 s");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopwatch.Elapsed}");
        Assert.Equal(exitCode, child.Process.ExitCode);
        Assert.Equal("Wait=Failed:cancelled", File.ReadAllText(Marker));
        Assert.Contains("WRN Cancelled: stopping the running targets", child.Stderr, StringComparison.Ordinal);
        Assert.Contains("Wait failed: cancelled", child.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"Total\s+Failed", child.Stderr);
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task SecondSignal_ExitsAtOnceWithoutWaitingForTheTarget(string signal, int exitCode)
    {
        using var child = await StartWaitingAsync("--stubborn");
        PosixSignals.Send(child.Process, signal);
        await child.WaitForStderrAsync("WRN Cancelled");

        PosixSignals.Send(child.Process, signal);
        var exited = await child.WaitForExitAsync(TimeSpan.FromSeconds(10));

        Assert.True(exited, "the second signal did not stop the build");
        Assert.Equal(exitCode, child.Process.ExitCode);
        Assert.False(File.Exists(Marker));
    }

    private async Task<ChildBuild> StartWaitingAsync(params string[] args)
    {
        Directory.CreateDirectory(directory.Combine(".nuke"));
        var child = ChildBuild.Start(directory.Path, [nameof(SignalBuild), "Wait", "--marker", Marker, "--parallelism", "1", .. args]);
        await child.WaitForStderrAsync("INF [Wait] Waiting");
        return child;
    }
}
