using System.Diagnostics;

namespace ImagePipeline.Engine.Tests;

public sealed class HelpWriterTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Help_ChainBuild_MatchesExpected()
    {
        var (result, output) = await harness.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        ExpectedOutput.AssertMatches("Help", output);
    }

    [Fact]
    public async Task Help_ParameterBuild_MatchesExpectedWithSecretMasked()
    {
        var (_, output) = await harness.RunAsync(new ParameterBuild(), ["--help"]);

        ExpectedOutput.AssertMatches("HelpParameters", output);
        Assert.DoesNotContain("default-secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpTarget_DeclaredParameters_ShowsThoseOfTheTargetAndItsDependencies()
    {
        var run = await harness.RunAsync(new ParameterBuild(), ["help", "Upload"]);

        Assert.Equal(0, run.Result.ExitCode);
        ExpectedOutput.AssertMatches("HelpTarget", run.Data);
    }

    [Fact]
    public async Task HelpTarget_Undeclared_ShowsEveryParameterAndSaysWhy()
    {
        var run = await harness.RunAsync("Sync", "--help");

        Assert.Equal(0, run.Result.ExitCode);
        ExpectedOutput.AssertMatches("HelpTargetUndeclared", run.Data);
    }

    [Fact]
    public async Task HelpTarget_UsesUnknownParameter_FailsEveryRun()
    {
        var run = await harness.RunAsync(new StaleUsesBuild(), ["--help"]);

        Assert.Equal((2, "Target Show uses 'Gone', which is not a parameter of the build."), (run.Result.ExitCode, run.Result.Error));
    }

    [Fact]
    public void Version_FormatsProductVersionAndCommit() =>
        ExpectedOutput.AssertMatches("Version",
            HelpWriter.VersionLine("ImagePipeline", "1.2.3+0123456789abcdef0123456789abcdef01234567") + "\n"
            + HelpWriter.VersionLine("ImagePipeline", "1.2.3") + "\n");

    [Fact]
    public async Task Version_OfThisAssembly_NamesTheCommitItWasBuiltFrom()
    {
        var run = await harness.RunAsync("--version");

        Assert.Equal(0, run.Result.ExitCode);
        var match = System.Text.RegularExpressions.Regex.Match(run.Data, @"^ImagePipeline\.Engine\.Tests \d+\.\d+\.\d+\S* \(commit ([0-9a-f]{40})\)\n$");
        Assert.True(match.Success, run.Data);
        var git = Process.Start(new ProcessStartInfo("git", ["-C", Testing.RepositoryPaths.Root, "cat-file", "-t", match.Groups[1].Value]) { RedirectStandardOutput = true })!;
        Assert.Equal("commit", (await git.StandardOutput.ReadToEndAsync()).Trim());
    }
}
