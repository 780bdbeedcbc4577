namespace ImagePipeline.Engine.Tests;

public sealed class SummaryWriterTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Summary_FailedRun_MatchesExpected()
    {
        var (_, output) = await harness.RunAsync("Sync", "Prune", "--fail", "b", "--unchanged", "c", "--skip", "Validate");

        ExpectedOutput.AssertMatches("Summary", ExpectedOutput.Summary(output));
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

            """,
            File.ReadAllText(file));
    }
}
