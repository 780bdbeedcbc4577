namespace ImagePipeline.Engine.Tests;

/// <summary>A secret registered while the build runs is masked by every writer.</summary>
public sealed class MaskingTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    private string SummaryFile => Path.Combine(harness.Root, "summary.md");

    private string PlanFile => Path.Combine(harness.Root, "plan.json");

    private string[] Leak(string secret, params string[] args)
    {
        var file = Path.Combine(harness.Root, "secret.txt");
        File.WriteAllText(file, secret);
        return ["Leak", "--learn-from", file, .. args];
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task RegisteredSecret_IsMaskedInDataLogsSummaryFilesAndErrors(string format)
    {
        harness.Environment["GITHUB_STEP_SUMMARY"] = SummaryFile;

        var run = await harness.RunAsync(new SecretBuild(), Leak("s3cr3t-\"key\\", "--file", PlanFile, "--log-format", format, "--verbosity", "verbose"));

        Assert.Equal(1, run.Result.ExitCode);
        var written = new[] { run.Data, run.Log, File.ReadAllText(SummaryFile), File.ReadAllText(PlanFile) };
        Assert.All(written, text => Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal));
        Assert.Equal("data: ***\n", run.Data);
        Assert.Contains("summary: ***", written[2], StringComparison.Ordinal);
        Assert.Contains("the server refused ***", written[2], StringComparison.Ordinal);
        Assert.Equal("{\"key\":\"***\"}", written[3]);
        Assert.Contains("the server refused ***", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultiLineSecret_EachLineAndTheWholeAreMasked()
    {
        var key = "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nxyz\n-----END KEY-----";

        var text = await harness.RunAsync(new SecretBuild(), Leak(key));
        var json = await harness.RunAsync(new SecretBuild(), Leak(key, "--log-format", "json"));

        Assert.DoesNotContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", text.Output + json.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN KEY", text.Output + json.Output, StringComparison.Ordinal);
        Assert.Contains("one line: ***", text.Log, StringComparison.Ordinal);
        // A 3-character line is too short to mask on its own (masking it would blank ordinary text).
        Assert.Contains("one line: xyz", text.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData(" ab ")]
    public async Task ShortSecret_IsNotRegistered_AndAWarningSaysSo(string value)
    {
        var run = await harness.RunAsync(new SecretBuild(), Leak(value));

        Assert.Contains($"data: {value}\n", run.Data, StringComparison.Ordinal);
        Assert.Contains("WRN [Leak] A secret shorter than 4 characters cannot be masked", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretParameter_IsMaskedInEveryStream()
    {
        harness.Environment["SECRET_KEY"] = "hunter2";
        harness.Environment["GITHUB_STEP_SUMMARY"] = SummaryFile;

        var run = await harness.RunAsync(new ParameterBuild(), ["Show", "--verbosity", "verbose"]);

        Assert.Contains("Using secret *** for images/images.yaml", run.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Output + File.ReadAllText(SummaryFile), StringComparison.Ordinal);
    }
}
