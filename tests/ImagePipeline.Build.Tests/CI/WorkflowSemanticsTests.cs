using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImagePipeline.Build.CI;
using ImagePipeline.Engine;
using ImagePipeline.Testing;
using YamlDotNet.RepresentationModel;
using static ImagePipeline.Build.Tests.CI.WorkflowYaml;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>What the generated workflows mean, read back from the committed YAML: triggers, the matrix, the report.</summary>
public partial class WorkflowSemanticsTests
{
    private static readonly WorkflowYaml SyncWorkflow = Load(ImageWorkflows.SyncFile);

    [Fact]
    public void SyncWorkflow_Triggers_PushToMainOnImagePathsAndTypedBooleanDispatchInputs()
    {
        var on = Map(SyncWorkflow.Root, "on");
        var push = Map(on, "push");
        Assert.Equal(["main"], Sequence(push, "branches"));
        Assert.Equal(["images/**", "infrastructure/**/packer/**"], Sequence(push, "paths"));

        var inputs = Map(Map(on, "workflow_dispatch"), "inputs");
        foreach (var name in new[] { "force", "prune" })
        {
            var input = Map(inputs, name);
            Assert.Equal("boolean", Text(input, "type"));
            var @default = (YamlScalarNode)input["default"];
            Assert.Equal("false", @default.Value);
            Assert.Equal(YamlDotNet.Core.ScalarStyle.Plain, @default.Style); // a boolean, not the truthy string 'false'
        }
    }

    [Fact]
    public void SyncWorkflow_InputsAreComparedAsBooleans()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ImageWorkflows.SyncFile));

        Assert.Contains("inputs.force == true", text, StringComparison.Ordinal);
        Assert.Contains("github.event_name == 'workflow_dispatch' && inputs.prune == true", Text(SyncWorkflow.Job("prune"), "if"), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"inputs\.\w+ == '", text);
        Assert.DoesNotMatch(@"inputs\.\w+ != '", text);
    }

    [Fact]
    public void SyncWorkflow_ConcurrencyAndPermissions_AreSerialisedAndLeastPrivilege()
    {
        var concurrency = Map(SyncWorkflow.Root, "concurrency");
        Assert.Equal("images-sync", Text(concurrency, "group"));
        Assert.Equal("false", Text(concurrency, "cancel-in-progress"));
        var permissions = Map(SyncWorkflow.Root, "permissions");
        Assert.Equal("read", Text(permissions, "contents"));
        Assert.Single(permissions.Children);
        Assert.All(SyncWorkflow.Jobs, job => Assert.Null(MapOrNull(job.Job, "permissions")));
    }

    [Fact]
    public void SyncJob_Matrix_IsThePlanJobOutputAndRunsForHealthyImagesWhenThePlanFailedSome()
    {
        var plan = SyncWorkflow.Job("plan");
        var sync = SyncWorkflow.Job("sync");

        Assert.Equal(["plan"], Sequence(sync, "needs"));
        Assert.Equal("${{ fromJSON(needs.plan.outputs.matrix) }}", Text(Map(sync, "strategy"), "matrix"));
        Assert.Equal("4", Text(Map(sync, "strategy"), "max-parallel"));
        Assert.Equal("false", Text(Map(sync, "strategy"), "fail-fast"));
        // Not success(): the plan job fails when an image failed its check, and the healthy images are still synced.
        var condition = Text(sync, "if");
        Assert.StartsWith("!cancelled() && ", condition, StringComparison.Ordinal);
        Assert.Contains("needs.plan.outputs.planned == 'true'", condition, StringComparison.Ordinal);
        Assert.Contains("fromJSON(needs.plan.outputs.count) > 0", condition, StringComparison.Ordinal);
        Assert.DoesNotContain("needs.plan.result", condition, StringComparison.Ordinal);
        foreach (var output in new[] { "planned", "matrix", "count", "failed" })
        {
            Assert.Equal($"${{{{ steps.plan.outputs.{output} }}}}", Text(Map(plan, "outputs"), output));
        }

        var script = Text(Steps(plan).Single(s => TextOrNull(s, "id") == "plan"), "run");
        Assert.Contains("./build.sh Sync --dry-run --no-packer-check", script, StringComparison.Ordinal);
        Assert.DoesNotContain("--skip", script, StringComparison.Ordinal); // Validate runs, per image, in the same build
        Assert.Contains("--plan-json \"${plan}\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanJson_HasTheMatrixFieldsTheSyncJobReads()
    {
        using var root = new TempDirectory("gitops-plan");
        InProcessBuild.CreateQuickstartRoot(root.Path);
        var (result, output, planPath) = await InProcessBuild.PlanQuickstartAsync(root.Path);
        Assert.True(result.ExitCode == BuildResult.Success, output);

        var plan = JsonNode.Parse(File.ReadAllText(planPath))!;
        var include = plan["matrix"]!["include"]!.AsArray();
        Assert.True(plan["storeWasRead"]!.GetValue<bool>());
        Assert.Equal(plan["needsWork"]!.AsArray().Select(n => n!.GetValue<string>()), include.Select(leg => leg!["image"]!.GetValue<string>()));
        Assert.Equal(3, include.Count);
        Assert.All(include, leg => Assert.False(leg!["packer"]!.GetValue<bool>()));

        // Every matrix.<field> the sync job uses is a field of each leg the plan produces.
        var syncJobText = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ImageWorkflows.SyncFile)).Split("\n  sync:\n")[1].Split("\n  prune:\n")[0];
        var fields = MatrixReference().Matches(syncJobText).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(["cacheKey", "image", "packer"], fields.Order(StringComparer.Ordinal));
        Assert.All(include, leg => Assert.All(fields, field => Assert.NotNull(leg![field])));
    }

    [Fact]
    public async Task PlanJson_ImageThatFailedItsCheck_IsListedAsFailedAndLeftOutOfTheMatrix()
    {
        using var root = new TempDirectory("gitops-plan-failed");
        InProcessBuild.CreateQuickstartRoot(root.Path);
        InProcessBuild.AddPackerImage(root.Path);

        var (result, output, planPath) = await InProcessBuild.PlanQuickstartAsync(root.Path);

        Assert.True(result.ExitCode == BuildResult.TargetFailed, output);
        var plan = JsonNode.Parse(File.ReadAllText(planPath))!;
        var failed = Assert.Single(plan["images"]!.AsArray(), i => i!["action"]!.GetValue<string>() == "failed")!;
        Assert.Equal("tiny-packer-1.0", failed["name"]!.GetValue<string>());
        Assert.StartsWith("failed Validate: ", failed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("TINY_PACKER_PASSWORD", failed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["tiny-disk-1.0", "tiny-rootfs-2.3", "tiny-firmware-0.9"], Legs(plan));
    }

    [Fact]
    public async Task PlanJson_NoPackerCheck_PlansThePackerImageWithoutPackerOrItsSecret()
    {
        using var root = new TempDirectory("gitops-plan-nopacker");
        InProcessBuild.CreateQuickstartRoot(root.Path);
        InProcessBuild.AddPackerImage(root.Path);

        var (result, output, planPath) = await InProcessBuild.PlanQuickstartAsync(root.Path, new Dictionary<string, string> { ["PATH"] = "/nonexistent" },
            "--no-packer-check", "--packer", "/nonexistent/packer");

        Assert.True(result.ExitCode == BuildResult.Success, output);
        var plan = JsonNode.Parse(File.ReadAllText(planPath))!;
        Assert.Equal(["tiny-disk-1.0", "tiny-rootfs-2.3", "tiny-firmware-0.9", "tiny-packer-1.0"], Legs(plan));
        var packer = plan["matrix"]!["include"]!.AsArray().Last()!;
        Assert.True(packer["packer"]!.GetValue<bool>());
        Assert.StartsWith("sha256:", packer["cacheKey"]!.GetValue<string>(), StringComparison.Ordinal); // the input fingerprint
    }

    private static IEnumerable<string> Legs(JsonNode plan) =>
        plan["matrix"]!["include"]!.AsArray().Select(leg => leg!["image"]!.GetValue<string>());

    [Fact]
    public void ReportJob_AlwaysRunsAfterEveryOtherJobAndReadsTheirResults()
    {
        var report = SyncWorkflow.Job("report");
        Assert.Equal("always()", Text(report, "if"));
        Assert.Equal(SyncWorkflow.Jobs.Select(j => j.Id).Where(id => id != "report"), Sequence(report, "needs"));
        var summarise = Steps(report).Single(s => TextOrNull(s, "run") is not null);
        Assert.Equal("${{ toJSON(needs) }}", Text(Map(summarise, "env"), "NEEDS"));
        var collect = Steps(report).Single(s => Uses(s)?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal(ImageWorkflows.ResultArtifactPrefix + "*", Text(Map(collect, "with"), "pattern"));
        Assert.Equal("true", Text(collect, "continue-on-error")); // no leg ran: nothing to collect, still a report
        var upload = Steps(SyncWorkflow.Job("sync")).Single(s => Uses(s)?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("always()", Text(upload, "if"));
        Assert.Equal(ImageWorkflows.ResultArtifactPrefix + "${{ matrix.image }}", Text(Map(upload, "with"), "name"));
    }

    [GeneratedRegex(@"\bmatrix\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex MatrixReference();
}
