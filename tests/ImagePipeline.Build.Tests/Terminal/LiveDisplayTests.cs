using System.Text.RegularExpressions;

namespace ImagePipeline.Build.Tests.Terminal;

/// <summary>
/// The real build, in-process, with its logs on a (pretend) terminal: the live display is drawn in place with the log
/// lines above it, then cleared, then the result table and the summary; NO_COLOR drops colour but stays live; CI and
/// TERM=dumb get the plain log lines with no escape code at all.
/// </summary>
public sealed partial class LiveDisplayTests(SlowSyncRepositories repositories) : IClassFixture<SlowSyncRepositories>
{
    private const string Escape = "\u001b";

    [Fact]
    public async Task Terminal_DrawsTheDisplayInPlace_ThenTheResultTableAndTheSummary()
    {
        var run = await SyncOnTerminalAsync();

        Assert.Equal(1, run.ExitCode);
        var log = run.Log;
        Assert.Contains(Escape + "[?25l", log, StringComparison.Ordinal); // the cursor hidden while the display runs
        Assert.True(CursorUp().Count(log) >= 3, "the display was redrawn in place fewer than 3 times:\n" + log);
        Assert.Matches(@"slow-disk-1\.0 +(\u001b\[[0-9;]*m)?acquiring", log);
        Assert.Contains(Escape + "[J", log, StringComparison.Ordinal); // a log line erases the region, then the region comes back below it
        var end = log.LastIndexOf(Escape + "[?25h", StringComparison.Ordinal);
        Assert.True(end > 0, "the cursor was not shown again");
        var after = log[end..];
        Assert.Matches(@"Images:\r?\n", after);
        Assert.Matches(@"broken-disk-1\.0 .*failed \(Verify\)", Plain(after));
        Assert.True(after.IndexOf("Images:", StringComparison.Ordinal) < after.IndexOf("Total", StringComparison.Ordinal));
        Assert.Contains("broken-disk-1.0: Verify failed: source: checksum mismatch", after, StringComparison.Ordinal);
        Assert.Matches(Escape + @"\[(3[1-7]|9[1-7])m", log); // colour, for the stages and results
        Assert.Matches(@"slow-disk-1\.0 +(\u001b\[[0-9;]*m)?acquiring(\u001b\[0m)? +[0-9]+ B of 400 B +[0-9.]+ %", log);
        Assert.DoesNotContain("stored, ETA", log, StringComparison.Ordinal); // no progress log lines: the display shows progress
    }

    [Fact]
    public async Task NoColor_StaysLiveWithoutColourCodes()
    {
        var run = await SyncOnTerminalAsync(("NO_COLOR", "1"));

        Assert.True(CursorUp().Count(run.Log) >= 3, run.Log);
        Assert.DoesNotMatch(Escape + @"\[[0-9;]*m", run.Log);
        Assert.Contains("Images:", run.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CI", "true")]
    [InlineData("GITHUB_ACTIONS", "true")]
    [InlineData("TERM", "dumb")]
    public async Task CiOrDumbTerminal_PlainLogLinesOnly(string variable, string value)
    {
        var run = await SyncOnTerminalAsync((variable, value));

        Assert.DoesNotContain(Escape, run.Log, StringComparison.Ordinal);
        Assert.Contains("INF Images:", run.Log, StringComparison.Ordinal);
        Assert.Matches(@"INF slow-disk-1\.0: [0-9]+ B of 400 B [0-9.]+ % at ", run.Log); // ProgressLog's lines, in no target's name
        Assert.Matches(@"INF broken-disk-1\.0 +.*failed \(Verify\) +source: checksum mismatch", run.Log);
    }

    [Fact]
    public async Task PlanJsonOnStdout_NoDisplayInItsWay()
    {
        var run = await SyncOnTerminalAsync(extra: ["--dry-run", "--offline", "--plan-json", "-"]);

        Assert.DoesNotContain(Escape, run.Log + run.Data, StringComparison.Ordinal);
        Assert.StartsWith("{", run.Data.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_OnTerminal_ReadsBackUnderTheLiveDisplay_TableOnStdout()
    {
        using var repository = repositories.Create();
        var store = repository.Combine("store");
        await repository.RunAsync(["Sync", "--store", store]); // slow-disk-1.0 published, broken-disk-1.0 not
        repository.TerminalWidth = 100;

        var run = await repository.RunAsync(["Audit", "--store", store]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(Escape + "[?25l", run.Log, StringComparison.Ordinal); // the display ran, then gave the cursor back
        Assert.Contains(Escape + "[?25h", run.Log, StringComparison.Ordinal);
        Assert.Matches(@"Image +Stage +Source", Plain(run.Log));
        Assert.DoesNotContain(Escape, run.Data, StringComparison.Ordinal);
        Assert.Matches(@"images/slow/1\.0/disk\.img +ok", run.Data);
    }

    private async Task<BuildRun> SyncOnTerminalAsync((string Name, string Value)? variable = null, string[]? extra = null)
    {
        using var repository = repositories.Create();
        repository.TerminalWidth = 100;
        if (variable is var (key, setting))
        {
            repository.Environment[key] = setting;
        }

        return await repository.RunAsync(["Sync", "--store", repository.Combine("store"), .. extra ?? []]);
    }

    private static string Plain(string text) => AnsiCode().Replace(text, string.Empty);

    [GeneratedRegex(@"\u001b\[[0-9]+A")]
    private static partial Regex CursorUp();

    [GeneratedRegex(@"\u001b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiCode();
}
