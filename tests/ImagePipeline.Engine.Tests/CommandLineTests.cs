namespace ImagePipeline.Engine.Tests;

/// <summary>How words become targets and parameter values.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData("--inputs", "x", "Sync")]
    [InlineData("Sync", "--inputs", "x")]
    [InlineData("--inputs=x", "Sync")]
    [InlineData("--target", "Sync", "--inputs", "x")]
    [InlineData("--inputs", "x", "--target=Sync")]
    public async Task Parse_TargetsAnywhere_ListEndsAtATargetName(params string[] args)
    {
        var build = new ChainBuild();

        var (result, output) = await harness.RunAsync(build, args);

        Assert.True(result.ExitCode == 0, output);
        Assert.Equal(["x"], build.Inputs);
        Assert.Contains("Sync", build.Ran);
    }

    [Fact]
    public async Task Parse_ListBeforeTargets_TakesWordsUntilTheFirstTarget()
    {
        var build = new ChainBuild();

        var (result, _) = await harness.RunAsync(build, ["--inputs", "x", "y", "Verify[x]", "--fail", "y", "Sync"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["x", "y"], build.Inputs);
        Assert.Equal(["y"], build.Fail);
        Assert.Equal(["Verify[x]", "Sync"], result.Steps.Where(s => s.Target is "Verify" or "Sync").Where(s => s.Status == StepStatus.Succeeded || s.Target == "Sync").Select(s => s.Name).Distinct());
    }

    [Fact]
    public async Task Parse_EqualsForm_GivesOneValueEvenWhenItLooksLikeAnOptionOrTarget()
    {
        var build = new ChainBuild();

        var (result, output) = await harness.RunAsync(build, ["Validate", "--inputs=Sync", "--fail=--x"]);

        Assert.True(result.ExitCode == 0, output);
        Assert.Equal(["Sync"], build.Inputs);
        Assert.Equal(["--x"], build.Fail);
    }

    [Fact]
    public async Task Parse_SkipWithoutNames_DoesNotCrash()
    {
        var build = new ChainBuild();

        var (result, _) = await harness.RunAsync(build, ["Sync", "--skip"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Sync"], build.Ran);
    }

    [Fact]
    public async Task Parse_SkipTakesTargetNamesUpToTheNextOption()
    {
        var build = new ChainBuild();

        var (result, _) = await harness.RunAsync(build, ["Sync", "--skip", "Validate", "acquire", "--inputs", "a"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Sync", "Verify[a]"], build.Ran.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Parse_FlagTakesOnlyTrueOrFalse_TheNextWordIsATarget()
    {
        var build = new ChainBuild();

        var (result, _) = await harness.RunAsync(build, ["--invalid", "Validate"]);

        Assert.Equal(2, result.ExitCode);
        Assert.True(build.Invalid);
        Assert.Equal(["Validate"], build.Ran);
    }

    [Theory]
    [InlineData("--inputs x")]
    [InlineData("--plan")]
    [InlineData("--skip Sync")]
    public async Task Run_OptionsButNoTarget_ExitsTwoInsteadOfPrintingHelp(string args)
    {
        var run = await harness.RunAsync(new ChainBuild(), args.Split(' '));

        Assert.Equal(2, run.Result.ExitCode);
        Assert.StartsWith("No target given", run.Result.Error, StringComparison.Ordinal);
        Assert.Empty(run.Data);
    }

    [Fact]
    public async Task Run_NoArguments_PrintsHelpAndExitsZero()
    {
        var build = new ChainBuild();

        var run = await harness.RunAsync(build, []);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.StartsWith("Usage: build", run.Data, StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("HELP")]
    public async Task Parse_HelpSpellings_PrintHelp(string word)
    {
        var run = await harness.RunAsync(word);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.StartsWith("Usage: build", run.Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help", "Verify")]
    [InlineData("Verify", "--help")]
    [InlineData("-h", "verify")]
    public async Task Parse_HelpWithTarget_DescribesThatTarget(params string[] args)
    {
        var run = await harness.RunAsync(args);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.StartsWith("Verify[item]:", run.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_HelpForUnknownTarget_ExitsTwoWithSuggestion()
    {
        var run = await harness.RunAsync("help", "Verfy");

        Assert.Equal((2, "Unknown target 'Verfy'. Did you mean Verify?"), (run.Result.ExitCode, run.Result.Error));
    }

    [Theory]
    [InlineData("quiet", false, false)]
    [InlineData("normal", true, false)]
    [InlineData("verbose", true, true)]
    public async Task Parse_Verbosity_ChoosesWhatIsLogged(string verbosity, bool information, bool debug)
    {
        var run = await harness.RunAsync(new ParameterBuild(), ["Show", "--verbosity", verbosity, "--dry-run"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(information, run.Log.Contains("INF [Show] Using secret", StringComparison.Ordinal));
        Assert.Equal(debug, run.Log.Contains("DBG Parameter --dry-run = true", StringComparison.Ordinal));
    }
}
