using System.Text.Json.Nodes;
using ImagePipeline.Build.CI;
using ImagePipeline.Engine;
using ImagePipeline.Testing;
using static ImagePipeline.Build.Tests.CI.WorkflowYaml;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>The plan job's outputs step, run with bash and jq on plans the real build wrote (./build.sh stood in for).</summary>
public class WorkflowPlanScriptTests
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
    internal static readonly string PlanScript = Text(Step(Load(ImageWorkflows.SyncFile).Job("plan"), "Plan: which images need work"), "run")
        .Replace(WorkflowSteps.ForceFlag, string.Empty, StringComparison.Ordinal);


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
}
