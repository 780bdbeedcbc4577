namespace ImagePipeline.Engine.Tests;

public sealed class SummaryWriterTests : IDisposable
{
    private const string LongReason = ": the server answered 503 Service Unavailable three times in a row, so the download was given up after 5 tries";
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData(80)]
    [InlineData(160)]
    public async Task Summary_AtTerminalWidth_MatchesExpectedAndFits(int columns)
    {
        harness.Environment["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await harness.RunAsync("Sync", "Prune", "--fail", "b", "--mismatch", "a", "--unchanged", "c", "--skip", "Validate", "--reason", LongReason);

        var summary = ExpectedOutput.Summary(run.Log);
        ExpectedOutput.AssertMatches($"Summary{columns}", summary);
        var table = summary.Split('\n').TakeWhile(line => !line.Contains(" failed: ", StringComparison.Ordinal)).ToList();
        Assert.All(table, line => Assert.True(line.Length <= columns, $"{line.Length} > {columns}: {line}"));
        Assert.Equal(table.Max(line => line.Length), table[0].Length);
    }

    [Fact]
    public async Task Summary_WithoutColumnsOrTerminal_FitsTheDefaultWidth()
    {
        var run = await harness.RunAsync("Sync", "--fail", "b", "--reason", LongReason + LongReason);

        var table = ExpectedOutput.Summary(run.Log).Split('\n').TakeWhile(line => !line.Contains(" failed: ", StringComparison.Ordinal));
        Assert.All(table, line => Assert.True(line.Length <= 120, line));
        Assert.Contains("…", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_MemberFailsALaterStage_CollectorAndClosingLineNameThatStage()
    {
        var run = await harness.RunAsync("Sync", "--mismatch", "b");

        Assert.Equal((StepStatus.Failed, "b: Verify failed"), run.Result.Steps.Where(s => s.Target == "Sync").Select(s => (s.Status, s.Note)).Single());
        Assert.EndsWith("=\nb: Verify failed: the digest of b does not match\n", run.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b source: checksum mismatch: expected x, got y", "b: Verify failed: source: checksum mismatch: expected x, got y")]
    [InlineData("b: checksum mismatch", "b: Verify failed: checksum mismatch")]
    [InlineData("bb: checksum mismatch", "b: Verify failed: bb: checksum mismatch")]
    public void Failures_MessageStartsWithTheInput_IsNotNamedTwice(string message, string line)
    {
        var failed = new StepResult("Verify", "b", StepStatus.Failed, TimeSpan.Zero, message, new InvalidDataException(message));

        Assert.Equal([line], SummaryWriter.Failures(new BuildResult(BuildResult.TargetFailed, [failed], TimeSpan.Zero)));
    }

    [Fact]
    public async Task Summary_PlainDependencyFails_CollectorNamesItOnce()
    {
        var run = await harness.RunAsync("Sync", "--invalid");

        Assert.Equal("Validate failed", run.Result.Steps.Single(s => s.Target == "Sync").Note);
        Assert.EndsWith("=\nValidate failed: inputs are invalid\n", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_Quiet_OnlyWhenSomethingFailed()
    {
        var quiet = await harness.RunAsync("Sync", "--verbosity", "quiet");
        var failed = await harness.RunAsync("Sync", "--verbosity", "quiet", "--fail", "a");

        Assert.Empty(quiet.Log);
        Assert.Contains("a: Acquire failed: cannot fetch a", failed.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_GitHubStepSummarySet_AppendsMarkdownTable()
    {
        var file = Path.Combine(harness.Root, "summary.md");
        File.WriteAllText(file, "# Before\n");
        harness.Environment["GITHUB_STEP_SUMMARY"] = file;

        await harness.RunAsync("Verify[a]", "--fail", "a");

        Assert.Equal(
            """
            # Before
            | Target | Input | Status | Duration | Note |
            |---|---|---|---|---|
            | Validate |  | Succeeded | 0:00 |  |
            | Acquire | a | Failed | 0:00 | cannot fetch a |
            | Verify | a | NotRun |  | Acquire[a] failed |
            | **Total** |  | **Failed** | 0:00 |  |

            a: Acquire failed: cannot fetch a

            """,
            File.ReadAllText(file));
    }
}
