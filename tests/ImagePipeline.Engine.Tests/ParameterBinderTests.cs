namespace ImagePipeline.Engine.Tests;

public sealed class ParameterBinderTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Bind_EveryType_FromArguments()
    {
        var build = new ParameterBuild();

        var (result, output) = await harness.RunAsync(build,
        [
            "Show", "--manifest", "other.yaml", "--image", "a", "b", "--image", "c", "--dry-run", "--max-image-size", "42",
            "--speed", "very-slow", "--retries", "3", "--bucket", "bkt",
        ]);

        Assert.True(result.ExitCode == 0, output);
        Assert.Equal("other.yaml", build.Manifest);
        Assert.Equal(["a", "b", "c"], build.Image);
        Assert.True(build.DryRun);
        Assert.Equal(42, build.MaxImageSize);
        Assert.Equal(Speed.VerySlow, build.Speed);
        Assert.Equal(3, build.Retries);
        Assert.Equal("bkt", build.S3BucketName);
    }

    [Fact]
    public async Task Bind_Nothing_KeepsInitialValues()
    {
        var build = new ParameterBuild();

        await harness.RunAsync(build, ["Show"]);

        Assert.Equal("images/images.yaml", build.Manifest);
        Assert.Equal((10, Speed.Fast, false, (int?)null), (build.MaxImageSize, build.Speed, build.DryRun, build.Retries));
    }

    [Fact]
    public async Task Bind_Precedence_ArgumentsThenPrefixedThenBareEnvironmentThenParametersJson()
    {
        harness.WriteNukeFile("parameters.json", """{ "$schema": "build.schema.json", "Manifest": "json", "Bucket": "json", "max-image-size": 1, "Retries": 1, "Image": ["j1", "j2"] }""");
        harness.Environment["TEST_RETRIES"] = "4";
        harness.Environment["TEST_MANIFEST"] = "env";
        harness.Environment["TEST_MAX_IMAGE_SIZE"] = "5";
        harness.Environment["MAX_IMAGE_SIZE"] = "6";
        harness.Environment["SECRET_KEY"] = "bare-secret";
        var build = new ParameterBuild();

        await harness.RunAsync(build, ["Show", "--manifest", "arg"]);

        Assert.Equal("arg", build.Manifest);
        Assert.Equal(4, build.Retries);
        Assert.Equal(5, build.MaxImageSize);
        Assert.Equal("bare-secret", build.SecretKey);
        Assert.Equal("json", build.S3BucketName);
        Assert.Equal(["j1", "j2"], build.Image);
    }

    [Theory]
    [InlineData("PREFIX")]
    [InlineData("MANIFEST")]
    [InlineData("Prefix")]
    [InlineData("max_image_size")]
    [InlineData("MaxImageSize")]
    public async Task Bind_OneWordOrNotExactlyNamedVariable_IsNotRead(string name)
    {
        harness.Environment[name] = "7";
        var build = new ParameterBuild();

        var (result, _) = await harness.RunAsync(build, ["Show"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal((null, "images/images.yaml", 10), (build.Prefix, build.Manifest, build.MaxImageSize));
    }

    [Fact]
    public async Task Bind_OneWordName_IsReadWithThePrefix()
    {
        harness.Environment["PREFIX"] = "/usr";
        harness.Environment["TEST_PREFIX"] = "images/";
        var build = new ParameterBuild();

        await harness.RunAsync(build, ["Show"]);

        Assert.Equal("images/", build.Prefix);
    }

    [Theory]
    [InlineData("HELP", "1")]
    [InlineData("PLAN", "1")]
    [InlineData("SKIP", "Show")]
    [InlineData("TEST_HELP", "true")]
    [InlineData("TEST_PLAN", "true")]
    [InlineData("VERSION", "1")]
    [InlineData("TARGET", "Count")]
    [InlineData("LOG_FORMAT", "json")]
    [InlineData("VERBOSITY", "quiet")]
    [InlineData("PARALLELISM", "0")]
    [InlineData("ROOT", "/nonexistent")]
    public async Task Bind_EngineOptionsInTheEnvironment_AreIgnored(string name, string value)
    {
        harness.Environment[name] = value;

        var run = await harness.RunAsync(new ParameterBuild(), ["Show"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(StepStatus.Succeeded, Assert.Single(run.Result.Steps).Status);
        Assert.Contains("INF [Show] Using secret", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bind_EnvironmentList_SplitsOnCommasAndSpaces()
    {
        harness.Environment["TEST_IMAGE"] = "a, b c";
        var build = new ParameterBuild();

        await harness.RunAsync(build, ["Show"]);

        Assert.Equal(["a", "b", "c"], build.Image);
    }

    [Fact]
    public async Task Bind_EmptyEnvironmentVariable_CountsAsUnset()
    {
        harness.Environment["TEST_SECRET_KEY"] = "";
        harness.Environment["SECRET_KEY"] = "from-bare";
        var build = new ParameterBuild();

        await harness.RunAsync(build, ["Show"]);

        Assert.Equal("from-bare", build.SecretKey);
    }

    [Theory]
    [InlineData(new[] { "--max-image-size", "big" }, "Invalid value 'big' for --max-image-size (command line): expected a whole number.")]
    [InlineData(new[] { "--max-image-size", "-5" }, "--max-image-size must be at least 1, not -5 (command line).")]
    [InlineData(new[] { "--max-image-size=1001" }, "--max-image-size must be at most 1000, not 1001 (command line).")]
    [InlineData(new[] { "--retries", "-1" }, "--retries must be at least 0, not -1 (command line).")]
    [InlineData(new[] { "--speed", "warp" }, "Invalid value 'warp' for --speed (command line): expected one of fast, very-slow.")]
    [InlineData(new[] { "--retries" }, "--retries needs a value (command line).")]
    [InlineData(new[] { "--manifest", "--dry-run" }, "--manifest needs a value (command line).")]
    [InlineData(new[] { "--secret-key", "x", "--secret-key", "y" }, "--secret-key is given more than once.")]
    [InlineData(new[] { "--max-image-sise", "1" }, "Unknown option '--max-image-sise'. Did you mean --max-image-size?")]
    [InlineData(new[] { "-x" }, "Unknown option '-x'.")]
    [InlineData(new[] { "--parallelism", "0" }, "--parallelism must be at least 1, not 0 (command line).")]
    [InlineData(new[] { "--verbosity", "loud" }, "Invalid value 'loud' for --verbosity (command line): expected one of quiet, normal, verbose.")]
    public async Task Bind_BadArgument_ExitsTwoNamingTheParameter(string[] args, string message)
    {
        var (result, output) = await harness.RunAsync(new ParameterBuild(), ["Show", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, result.Error);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bind_BadEnvironmentValue_NamesTheVariable()
    {
        harness.Environment["MAX_IMAGE_SIZE"] = "-5";

        var (result, _) = await harness.RunAsync(new ParameterBuild(), ["Show"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("--max-image-size must be at least 1, not -5 (environment variable MAX_IMAGE_SIZE).", result.Error);
    }

    [Fact]
    public async Task Bind_LongBadValue_IsQuotedShortened()
    {
        var (result, _) = await harness.RunAsync(new ParameterBuild(), ["Show", "--speed", new string('x', 5000)]);

        Assert.Equal(2, result.ExitCode);
        Assert.True(result.Error!.Length < 200, result.Error);
        Assert.StartsWith("Invalid value '" + new string('x', 20), result.Error, StringComparison.Ordinal); // the value's start, quoted
        Assert.Contains("…' for --speed (command line)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bind_BadSecretValue_DoesNotShowIt()
    {
        harness.WriteNukeFile("parameters.json", """{ "SecretKey": ["a", "b"] }""");

        var (result, output) = await harness.RunAsync(new ParameterBuild(), ["Show"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("--secret-key takes one value but got 2 (.nuke/parameters.json).", result.Error);
        Assert.DoesNotContain("\"a\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bind_UnknownKeyInParametersJson_ExitsTwoWithSuggestion()
    {
        harness.WriteNukeFile("parameters.json", """{ "Manifesto": "x" }""");

        var (result, _) = await harness.RunAsync(new ParameterBuild(), ["Show"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Unknown key 'Manifesto' in .nuke/parameters.json. Did you mean Manifest?", result.Error);
    }

    [Fact]
    public async Task Bind_EngineOptionInParametersJson_ExitsTwo()
    {
        harness.WriteNukeFile("parameters.json", """{ "Help": true }""");

        var (result, _) = await harness.RunAsync(new ParameterBuild(), ["Show"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(".nuke/parameters.json cannot set Help, an engine option; pass --help on the command line.", result.Error);
    }

    [Fact]
    public async Task Bind_InvalidJson_ExitsTwoNamingTheFile()
    {
        harness.WriteNukeFile("parameters.json", "{ nope");

        var (result, _) = await harness.RunAsync(new ParameterBuild(), ["Show"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(".nuke/parameters.json is not valid JSON:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bind_Root_ReadsParametersJsonThere()
    {
        var other = Path.Combine(harness.Root, "other");
        Directory.CreateDirectory(Path.Combine(other, ".nuke"));
        File.WriteAllText(Path.Combine(other, ".nuke", "parameters.json"), """{ "Bucket": "from-other-root" }""");
        var build = new ParameterBuild();

        var (result, output) = await harness.RunAsync(build, ["Show", "--root", other]);

        Assert.True(result.ExitCode == 0, output);
        Assert.Equal("from-other-root", build.S3BucketName);
    }

    [Fact]
    public async Task Bind_RootThatDoesNotExist_ExitsTwo()
    {
        var (result, _) = await harness.RunAsync(new ParameterBuild(), ["Show", "--root", "/nonexistent/root"]);

        Assert.Equal((2, "--root /nonexistent/root is not a directory."), (result.ExitCode, result.Error));
    }
}
