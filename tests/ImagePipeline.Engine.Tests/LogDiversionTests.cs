namespace ImagePipeline.Engine.Tests;

/// <summary>
/// A live display owns the log terminal only when the logs go to one: it draws on the terminal (masked) and the
/// log lines written meanwhile go through the writer it gave, then back to the stream.
/// </summary>
public sealed class LogDiversionTests
{
    [Fact]
    public async Task Terminal_LogLinesGoThroughTheDisplayWhileItRuns_MaskedBothWays()
    {
        var build = new DisplayBuild();
        using var output = new StringWriter();
        using var log = new StringWriter();

        var result = await BuildBase.RunAsync(build, ["Show"], new BuildContext { Output = output, Log = log, TerminalWidth = 100 });

        Assert.Equal(BuildResult.Success, result.ExitCode);
        Assert.Equal(100, build.SeenWidth);
        Assert.True(build.Diverted);
        var lines = log.ToString().Split('\n');
        Assert.Contains("[display drawn: ***]", lines);
        Assert.Contains(lines, line => line.StartsWith("<above the display> ", StringComparison.Ordinal) && line.EndsWith("INF [Show] while shown: ***", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("INF [Show] after the display", StringComparison.Ordinal) && !line.StartsWith('<'));
        Assert.DoesNotContain("hunter22", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoTerminal_NothingIsDiverted()
    {
        var build = new DisplayBuild();
        using var output = new StringWriter();
        using var log = new StringWriter();

        await BuildBase.RunAsync(build, ["Show"], new BuildContext { Output = output, Log = log });

        Assert.Null(build.SeenWidth);
        Assert.False(build.Diverted);
        Assert.DoesNotContain("<above the display>", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("INF [Show] while shown: ***", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataAndLogsOnOneWriter_IsNoTerminalADisplayCouldOwn()
    {
        var build = new DisplayBuild();
        using var both = new StringWriter();

        await BuildBase.RunAsync(build, ["Show"], new BuildContext { Output = both, Log = both, TerminalWidth = 100 });

        Assert.Null(build.SeenWidth);
        Assert.False(build.Diverted);
    }
}
