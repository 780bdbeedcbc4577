using System.Text.Json.Nodes;
using ImagePipeline.Build.CI;
using ImagePipeline.Testing;
using static ImagePipeline.Build.Tests.CI.WorkflowYaml;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>The run report step, run with bash and jq on results the real build wrote for each leg.</summary>
public class WorkflowReportScriptTests
{
    internal static readonly string ReportScript = Text(Step(Load(ImageWorkflows.SyncFile).Job("report"), "Report every image and job"), "run");


    [Fact]
    public async Task Report_FailedInPlanAndInALeg_NamesEachImageAndReasonAndExitsOne()
    {
        using var root = new TempDirectory("gitops-report");
        var results = await RealLegResultsAsync(root, corrupt: "tiny-firmware-0.9.bin");
        var step = new BashStep(root.Path);
        step.Environment["RESULTS_DIR"] = results;
        step.Environment["NEEDS"] = Needs("failure", "failure", "skipped",
            matrix: """{"include":[{"image":"tiny-disk-1.0"},{"image":"tiny-firmware-0.9"},{"image":"gone-1.0"}]}""",
            failed: """[{"name":"tiny-packer-1.0","reason":"failed Validate: references environment variable X, which is not set"}]""");

        var (exitCode, output) = await step.RunAsync(ReportScript);

        Assert.Equal(1, exitCode);
        Assert.Contains("| plan | failure |", step.Summary, StringComparison.Ordinal);
        Assert.Contains("| tiny-packer-1.0 | failed (plan) | failed Validate: references environment variable X, which is not set |", step.Summary, StringComparison.Ordinal);
        Assert.Contains("| tiny-disk-1.0 | published |  |", step.Summary, StringComparison.Ordinal);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(step.Summary, @"\| tiny-firmware-0\.9 \| failed \((Acquire|Verify)\) \| tiny-firmware-0\.9 .+checksum mismatch.+ \|"), step.Summary);
        Assert.Contains("| gone-1.0 | no result | the leg ended before Sync wrote its result; see its log |", step.Summary, StringComparison.Ordinal);
        Assert.Contains("::error::tiny-packer-1.0: failed (plan): ", output, StringComparison.Ordinal);
        Assert.Contains("::error::tiny-firmware-0.9: failed (", output, StringComparison.Ordinal);
        Assert.Contains("::error::gone-1.0: no result", output, StringComparison.Ordinal);
        Assert.DoesNotContain("::error::tiny-disk-1.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_EveryLegPublished_ExitsZero()
    {
        using var root = new TempDirectory("gitops-report-ok");
        var step = new BashStep(root.Path);
        step.Environment["RESULTS_DIR"] = await RealLegResultsAsync(root, corrupt: null);
        step.Environment["NEEDS"] = Needs("success", "success", "skipped",
            matrix: """{"include":[{"image":"tiny-disk-1.0"},{"image":"tiny-rootfs-2.3"},{"image":"tiny-firmware-0.9"}]}""", failed: "[]");

        var (exitCode, output) = await step.RunAsync(ReportScript);

        Assert.True(exitCode == 0, output);
        Assert.Contains("| tiny-rootfs-2.3 | published |  |", step.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("::error::", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_PlanFailedBeforeAnyOutput_ReportsTheJobsAndExitsOne()
    {
        using var root = new TempDirectory("gitops-report-noplan");
        var step = new BashStep(root.Path);
        step.Environment["RESULTS_DIR"] = root.Combine("none");
        step.Environment["NEEDS"] = """{"plan":{"result":"failure","outputs":{}},"sync":{"result":"skipped","outputs":{}},"prune":{"result":"skipped","outputs":{}}}""";

        var (exitCode, output) = await step.RunAsync(ReportScript);

        Assert.Equal(1, exitCode);
        Assert.Contains("| (no image needed work) | | |", step.Summary, StringComparison.Ordinal);
        Assert.Contains("::error::images-sync did not complete: plan failure, sync skipped, prune skipped", output, StringComparison.Ordinal);
    }

    /// <summary>Each quick-start image synced as its own leg by the real build, each leaving <c>--result-json</c> in one folder.</summary>
    private static async Task<string> RealLegResultsAsync(TempDirectory root, string? corrupt)
    {
        var repository = root.Combine("repository");
        InProcessBuild.CreateQuickstartRoot(repository);
        if (corrupt is not null)
        {
            File.WriteAllText(Path.Combine(repository, "examples", "quickstart", "files", corrupt), "not the file");
        }

        var results = root.Combine("results");
        foreach (var image in new[] { "tiny-disk-1.0", "tiny-rootfs-2.3", "tiny-firmware-0.9" })
        {
            await InProcessBuild.RunAsync(repository, new Dictionary<string, string>(), "Sync", "--image", image, "--offline", "--no-cache",
                "--manifest", "examples/quickstart/images.yaml", "--store", root.Combine("store"), "--result-json", Path.Combine(results, image + ".json"));
        }

        return results;
    }

    private static string Needs(string plan, string sync, string prune, string matrix, string failed) => new JsonObject
    {
        ["plan"] = new JsonObject
        {
            ["result"] = plan,
            ["outputs"] = new JsonObject { ["planned"] = "true", ["matrix"] = matrix, ["failed"] = failed },
        },
        ["sync"] = new JsonObject { ["result"] = sync, ["outputs"] = new JsonObject() },
        ["prune"] = new JsonObject { ["result"] = prune, ["outputs"] = new JsonObject() },
    }.ToJsonString();
}
