using System.Text.RegularExpressions;

namespace ImagePipeline.Build.Tests.Terminal;

/// <summary>
/// The real build as a child process under a pseudo-terminal (<c>script</c>), as a person runs it: the display is drawn
/// in place (cursor movements) and the result table follows it; NO_COLOR drops colour only; piped, no escape code at all.
/// </summary>
public sealed partial class PseudoTerminalTests(SlowSyncRepositories repositories) : IClassFixture<SlowSyncRepositories>
{
    /// <summary>
    /// Not CI (the display's rule), a terminal of 100 × 30 (script's own has no size), no input; bounded in time, so a
    /// display that never ends fails the test instead of hanging it.
    /// </summary>
    private const string OnTerminal =
        "env -u CI -u GITHUB_ACTIONS TERM=xterm timeout 120 script -q -e -c 'stty cols 100 rows 30; $BUILD Sync --store ./store' /dev/null < /dev/null";

    [Fact]
    public async Task Terminal_DisplayInPlace_ThenResultTableAndSummary()
    {
        using var repository = repositories.Create();

        var (exitCode, stdout, _) = await BuildProcess.ShellAsync(repository, OnTerminal);

        Assert.Equal(1, exitCode); // broken-disk-1.0 fails Verify
        Assert.True(CursorUp().Count(stdout) >= 3, stdout);
        Assert.Matches(@"\u001b\[(3[1-7]|9[1-7])m", stdout);
        var after = stdout[stdout.LastIndexOf("\u001b[?25h", StringComparison.Ordinal)..];
        Assert.Matches(@"(?s)Images:.*slow-disk-1\.0 .*published.*broken-disk-1\.0 .*failed \(Verify\).*Total +Failed", after);
    }

    [Fact]
    public async Task NoColor_LiveWithoutColour()
    {
        using var repository = repositories.Create();

        var (_, stdout, _) = await BuildProcess.ShellAsync(repository, "NO_COLOR=1 " + OnTerminal);

        Assert.True(CursorUp().Count(stdout) >= 3, stdout);
        Assert.DoesNotMatch(@"\u001b\[[0-9;]*m", stdout);
        Assert.Contains("Images:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Piped_NoEscapeCodes()
    {
        using var repository = repositories.Create();

        var (exitCode, stdout, _) = await BuildProcess.ShellAsync(repository, "env -u CI -u GITHUB_ACTIONS TERM=xterm timeout 120 $BUILD Sync --store ./store 2>&1 < /dev/null | cat");

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("\u001b", stdout, StringComparison.Ordinal);
        Assert.Matches(@"INF broken-disk-1\.0 +.*failed \(Verify\)", stdout);
    }

    [GeneratedRegex(@"\u001b\[[0-9]+A")]
    private static partial Regex CursorUp();
}
