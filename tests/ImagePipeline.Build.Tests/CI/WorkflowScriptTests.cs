using ImagePipeline.Build.CI;
using ImagePipeline.Testing;
using static ImagePipeline.Build.Tests.CI.WorkflowYaml;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>
/// The workflows' small shell pieces, run with bash as the runner would: the age-key file and the branch refusal
/// (the plan outputs and the report have their own classes).
/// </summary>
public class WorkflowScriptTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WriteAgeKey_WritesAPrivateFileAndPointsTheBuildAtIt(bool required)
    {
        using var root = new TempDirectory("gitops-age-key");
        var step = new BashStep(root.Path);
        step.Environment["SOPS_AGE_KEY"] = "AGE-SECRET-KEY-1TEST";

        var (exitCode, output) = await step.RunAsync(AgeKeyScript(required));

        Assert.True(exitCode == 0, output);
        var keyFile = Path.Combine(step.RunnerTemp, "sops-age-key.txt");
        Assert.Equal("AGE-SECRET-KEY-1TEST\n", File.ReadAllText(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        Assert.Equal($"SOPS_AGE_KEY_FILE={keyFile}\n", File.ReadAllText(Path.Combine(step.RunnerTemp, "github-env")));
        Assert.Equal("true", step.Outputs["present"]);
        Assert.DoesNotContain("AGE-SECRET-KEY", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 1, "::error::The repository secret SOPS_AGE_KEY is not set")]
    [InlineData(false, 0, "::notice::No SOPS_AGE_KEY_READONLY secret")]
    public async Task WriteAgeKey_NoSecret_FailsWhereRequiredAndGoesOnWithoutOtherwise(bool required, int expectedExit, string message)
    {
        using var root = new TempDirectory("gitops-age-key-none");
        var step = new BashStep(root.Path);
        step.Environment["SOPS_AGE_KEY"] = string.Empty;

        var (exitCode, output) = await step.RunAsync(AgeKeyScript(required));

        Assert.Equal(expectedExit, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Empty(step.Outputs);
        Assert.False(File.Exists(Path.Combine(step.RunnerTemp, "sops-age-key.txt")));
    }

    [Fact]
    public async Task RefuseOutsideBranch_FailsNamingTheRef()
    {
        using var root = new TempDirectory("gitops-refuse");
        var step = new BashStep(root.Path);
        step.Environment["GITHUB_REF"] = "refs/heads/experiment";
        var script = Text(Steps(Load(ImageWorkflows.SyncFile).Job("plan")).First(), "run");

        var (exitCode, output) = await step.RunAsync(script);

        Assert.Equal(1, exitCode);
        Assert.Contains("::error::images-sync publishes from refs/heads/main only; this run is for refs/heads/experiment.", output, StringComparison.Ordinal);
    }

    /// <summary>The age-key step of the sync leg (required) or of the pull-request plan (optional).</summary>
    private static string AgeKeyScript(bool required) =>
        Text(Steps(required ? Load(ImageWorkflows.SyncFile).Job("sync") : Load(ImageWorkflows.PlanFile).Job("plan")).Single(s => TextOrNull(s, "id") == "age-key"), "run");

    [Fact]
    public void Scripts_HaveNoExpressionLeftForTheRunner() =>
        Assert.DoesNotContain("${{", WorkflowPlanScriptTests.PlanScript + WorkflowReportScriptTests.ReportScript + AgeKeyScript(true) + AgeKeyScript(false), StringComparison.Ordinal);
}
