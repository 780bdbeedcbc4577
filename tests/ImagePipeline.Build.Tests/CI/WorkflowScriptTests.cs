using System.Text.Json.Nodes;
using ImagePipeline.Build.CI;
using ImagePipeline.Engine;
using ImagePipeline.Testing;
using static ImagePipeline.Build.Tests.CI.WorkflowYaml;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>
/// The workflows' shell pieces, run with bash and jq as the runner would: the plan job's outputs (from a plan the real
/// build wrote) and the run report (from results the real build wrote).
/// </summary>
public class WorkflowScriptTests
{
    /// <summary>Stands in for ./build.sh in the plan step: copies <c>FIXTURE</c> to the <c>--plan-json</c> path, exits <c>STATUS</c>.</summary>
    private const string FakeBuild = """
        #!/usr/bin/env bash
        while [ $# -gt 0 ]; do
          if [ "$1" = --plan-json ] && [ -n "${FIXTURE}" ]; then cp "${FIXTURE}" "$2"; fi
          shift
        done
        exit "${STATUS}"
        """;

    /// <summary>The plan step of a push (the runner has replaced <c>inputs.force</c>'s expression with nothing).</summary>
    private static readonly string PlanScript = Text(Step(Load(ImageWorkflows.SyncFile).Job("plan"), "Plan: which images need work"), "run")
        .Replace(WorkflowSteps.ForceFlag, string.Empty, StringComparison.Ordinal);

    private static readonly string ReportScript = Text(Step(Load(ImageWorkflows.SyncFile).Job("report"), "Report every image and job"), "run");

    [Fact]
    public void Scripts_HaveNoExpressionLeftForTheRunner() =>
        Assert.DoesNotContain("${{", PlanScript + ReportScript, StringComparison.Ordinal);

    [Fact]
    public async Task PlanOutputs_AnImageFailedItsCheck_OutputsTheHealthyMatrixAndTheFailureThenExitsOne()
    {
        using var root = new TempDirectory("gitops-plan-step");
        var fixture = await RealPlanAsync(root, withFailedImage: true);
        var step = PlanStep(root, fixture, status: 1);

        var (exitCode, output) = await step.RunAsync(PlanScript);

        Assert.True(exitCode == 1, output);
        Assert.Equal("true", step.Outputs["planned"]);
        Assert.Equal("3", step.Outputs["count"]);
        var matrix = JsonNode.Parse(step.Outputs["matrix"])!;
        Assert.Equal(["tiny-disk-1.0", "tiny-rootfs-2.3", "tiny-firmware-0.9"], matrix["include"]!.AsArray().Select(l => l!["image"]!.GetValue<string>()));
        var failed = Assert.Single(JsonNode.Parse(step.Outputs["failed"])!.AsArray())!;
        Assert.Equal("tiny-packer-1.0", failed["name"]!.GetValue<string>());
        Assert.Contains("TINY_PACKER_PASSWORD", failed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanOutputs_HealthyPlan_ExitsZeroWithAnEmptyFailedList()
    {
        using var root = new TempDirectory("gitops-plan-step-ok");
        var step = PlanStep(root, await RealPlanAsync(root, withFailedImage: false), status: 0);

        var (exitCode, output) = await step.RunAsync(PlanScript);

        Assert.True(exitCode == 0, output);
        Assert.Equal("[]", step.Outputs["failed"]);
        Assert.Equal("3", step.Outputs["count"]);
    }

    [Theory]
    [InlineData(2, true)]   // a usage error after the plan was written: not a plan to act on
    [InlineData(2, false)]  // a manifest error: no plan at all
    [InlineData(0, false)]
    public async Task PlanOutputs_NoUsablePlan_WritesNoOutputsAndExitsOne(int status, bool writePlan)
    {
        using var root = new TempDirectory("gitops-plan-step-none");
        var step = PlanStep(root, writePlan ? await RealPlanAsync(root, withFailedImage: false) : string.Empty, status);

        var (exitCode, output) = await step.RunAsync(PlanScript);

        Assert.Equal(1, exitCode);
        Assert.Contains("::error::The plan did not read the store", output, StringComparison.Ordinal);
        Assert.Empty(step.Outputs);
    }

    [Fact]
    public async Task PlanOutputs_StoreNotRead_WritesNoOutputsAndExitsOne()
    {
        using var root = new TempDirectory("gitops-plan-step-unread");
        var fixture = await RealPlanAsync(root, withFailedImage: false);
        File.WriteAllText(fixture, File.ReadAllText(fixture).Replace("\"storeWasRead\": true", "\"storeWasRead\": false", StringComparison.Ordinal));
        var step = PlanStep(root, fixture, status: 0);

        var (exitCode, _) = await step.RunAsync(PlanScript);

        Assert.Equal(1, exitCode);
        Assert.Empty(step.Outputs);
    }

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

    private static BashStep PlanStep(TempDirectory root, string fixture, int status)
    {
        var fake = root.Combine("build.sh");
        File.WriteAllText(fake, FakeBuild);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var step = new BashStep(root.Path);
        step.Environment["FIXTURE"] = fixture;
        step.Environment["STATUS"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return step;
    }

    /// <summary>The plan JSON the real build writes for the quick-start images (plus a packer image whose secret is unset).</summary>
    private static async Task<string> RealPlanAsync(TempDirectory root, bool withFailedImage)
    {
        var repository = root.Combine("repository");
        InProcessBuild.CreateQuickstartRoot(repository);
        if (withFailedImage)
        {
            InProcessBuild.AddPackerImage(repository);
        }

        var (result, output, plan) = await InProcessBuild.PlanQuickstartAsync(repository);
        Assert.True(result.ExitCode == (withFailedImage ? BuildResult.TargetFailed : BuildResult.Success), output);
        return plan;
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
