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
            "--chunk-bytes", "5000000000", "--speed", "very-slow", "--retries", "3", "--output-directory", "out", "--bucket", "bkt",
        ]);

        Assert.True(result.ExitCode == 0, output);
        Assert.Equal("other.yaml", build.Manifest);
        Assert.Equal(["a", "b", "c"], build.Image);
        Assert.True(build.DryRun);
        Assert.Equal(42, build.MaxImageSize);
        Assert.Equal(5_000_000_000, build.ChunkBytes);
        Assert.Equal(Speed.VerySlow, build.Speed);
        Assert.Equal(3, build.Retries);
        Assert.Equal(Path.Combine(harness.Root, "out"), build.OutputDirectory!.FullName);
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

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public async Task Bind_FlagWithExplicitValue_TakesIt(string value, bool expected)
    {
        var build = new ParameterBuild();

        var (result, _) = await harness.RunAsync(build, ["--dry-run", value, "Show"]);

        Assert.Equal(expected, build.DryRun);
        Assert.Equal("Show", Assert.Single(result.Steps).Name);
    }

    [Fact]
    public async Task Bind_Precedence_ArgumentsThenEnvironmentThenProfilesThenParametersJson()
    {
        harness.WriteNukeFile("parameters.json", """{ "$schema": "build.schema.json", "Manifest": "json", "Bucket": "json", "max-image-size": 1, "Retries": 1, "Image": ["j1", "j2"] }""");
        harness.WriteNukeFile("parameters.ci.json", """{ "Bucket": "ci", "MaxImageSize": 2, "Retries": 2 }""");
        harness.WriteNukeFile("parameters.late.json", """{ "MaxImageSize": 3 }""");
        harness.Environment["RETRIES"] = "4";
        harness.Environment["Manifest"] = "env";
        var build = new ParameterBuild();

        await harness.RunAsync(build, ["Show", "--manifest", "arg", "--profile", "ci", "late"]);

        Assert.Equal("arg", build.Manifest);
        Assert.Equal(4, build.Retries);
        Assert.Equal(3, build.MaxImageSize);
        Assert.Equal("ci", build.S3BucketName);
        Assert.Equal(["j1", "j2"], build.Image);
    }

    [Theory]
    [InlineData("MaxImageSize")]
    [InlineData("MAX_IMAGE_SIZE")]
    [InlineData("max_image_size")]
    public async Task Bind_EnvironmentVariable_MatchesExactThenLoosely(string name)
    {
        harness.Environment[name] = "7";
        var build = new ParameterBuild();

        await harness.RunAsync(build, ["Show"]);

        Assert.Equal(7, build.MaxImageSize);
    }

    [Fact]
    public async Task Bind_EnvironmentList_SplitsOnCommasAndSpaces()
    {
        harness.Environment["IMAGE"] = "a, b c";
        var build = new ParameterBuild();

        await harness.RunAsync(build, ["Show"]);

        Assert.Equal(["a", "b", "c"], build.Image);
    }

    [Fact]
    public async Task Bind_EmptyEnvironmentVariable_CountsAsUnset()
    {
        harness.Environment["SECRET_KEY"] = "";
        var build = new ParameterBuild();

        await harness.RunAsync(build, ["Show"]);

        Assert.Equal("default-secret", build.SecretKey);
    }

    [Theory]
    [InlineData(new[] { "--max-image-size", "big" }, "Invalid value 'big' for --max-image-size (command line): expected a whole number.")]
    [InlineData(new[] { "--speed", "warp" }, "Invalid value 'warp' for --speed (command line): expected one of fast, very-slow.")]
    [InlineData(new[] { "--retries" }, "--retries needs a value (command line).")]
    [InlineData(new[] { "--secret-key", "x", "--secret-key", "y" }, "--secret-key is given more than once.")]
    [InlineData(new[] { "--max-image-sise", "1" }, "Unknown option '--max-image-sise'. Did you mean --max-image-size?")]
    [InlineData(new[] { "--parallelism", "0" }, "--parallelism must be at least 1, not 0.")]
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
        harness.Environment["LOG_FORMAT"] = "xml";

        var (result, _) = await harness.RunAsync(new ParameterBuild(), ["Show"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Invalid value 'xml' for --log-format (environment variable LOG_FORMAT): expected one of text, json.", result.Error);
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
    public async Task Bind_MissingProfile_ExitsTwo()
    {
        var (result, _) = await harness.RunAsync(new ParameterBuild(), ["Show", "--profile", "nope"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Profile file .nuke/parameters.nope.json does not exist.", result.Error);
    }

    [Fact]
    public async Task Bind_InvalidJson_ExitsTwoNamingTheFile()
    {
        harness.WriteNukeFile("parameters.json", "{ nope");

        var (result, _) = await harness.RunAsync(new ParameterBuild(), ["Show"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(".nuke/parameters.json is not valid JSON:", result.Error, StringComparison.Ordinal);
    }
}
