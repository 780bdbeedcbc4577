using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImagePipeline.Build.CI;
using ImagePipeline.Engine;
using ImagePipeline.Testing;
using YamlDotNet.RepresentationModel;
using static ImagePipeline.Build.Tests.CI.WorkflowYaml;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>What the generated workflows mean, read back from the committed YAML.</summary>
public partial class WorkflowSemanticsTests
{
    private static readonly WorkflowYaml SyncWorkflow = Load(ImageWorkflows.SyncFile);
    private static readonly WorkflowYaml PlanWorkflow = Load(ImageWorkflows.PlanFile);

    [Fact]
    public void SyncWorkflow_Triggers_PushToMainOnImagePathsAndTypedBooleanDispatchInputs()
    {
        var on = Map(SyncWorkflow.Root, "on");
        var push = Map(on, "push");
        Assert.Equal(["main"], ((YamlSequenceNode)push["branches"]).Select(n => n.ToString()));
        Assert.Equal(["images/**", "infrastructure/**/packer/**"], ((YamlSequenceNode)push["paths"]).Select(n => n.ToString()));

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
    }

    [Fact]
    public void SyncJob_Matrix_IsThePlanJobOutput()
    {
        var plan = SyncWorkflow.Job("plan");
        var sync = SyncWorkflow.Job("sync");

        Assert.Equal(["plan"], ((YamlSequenceNode)sync["needs"]).Select(n => n.ToString()));
        Assert.Equal("${{ fromJSON(needs.plan.outputs.matrix) }}", Text(Map(sync, "strategy"), "matrix"));
        Assert.Equal("4", Text(Map(sync, "strategy"), "max-parallel"));
        Assert.Equal("fromJSON(needs.plan.outputs.count) > 0", Text(sync, "if"));
        Assert.Equal("${{ steps.plan.outputs.matrix }}", Text(Map(plan, "outputs"), "matrix"));
        Assert.Equal("${{ steps.plan.outputs.count }}", Text(Map(plan, "outputs"), "count"));

        var planStep = Steps(plan).Single(s => TextOrNull(s, "id") == "plan");
        var script = Text(planStep, "run");
        Assert.Contains("./build.sh Sync --dry-run", script, StringComparison.Ordinal);
        Assert.Contains("--credentials images/e2.sops.yaml --plan-json \"${plan}\"", script, StringComparison.Ordinal);
        Assert.Contains("echo \"matrix=$(jq -c '.matrix' \"${plan}\")\" >> \"${GITHUB_OUTPUT}\"", script, StringComparison.Ordinal);
        Assert.Contains("jq '.matrix.include | length'", script, StringComparison.Ordinal);
        Assert.Contains("./build.sh Sync --image \"${{ matrix.image }}\"", Text(Step(sync, "Sync ${{ matrix.image }}"), "run"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanJson_HasTheMatrixFieldsTheSyncJobReads()
    {
        using var root = new TempDirectory("gitops-plan");
        InProcessBuild.CreateQuickstartRoot(root.Path);
        var planPath = root.Combine("plan.json");
        var (result, output) = await InProcessBuild.RunAsync(root.Path, new Dictionary<string, string>(),
            "Sync", "--dry-run", "--offline", "--manifest", "examples/quickstart/images.yaml", "--store", root.Combine("store"), "--plan-json", planPath);
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
    public void Packer_IsSetUpOnlyForPackerLegsAndWhereTemplatesExist()
    {
        var sync = SyncWorkflow.Job("sync");
        var packerSteps = Steps(sync).Where(s => TextOrNull(s, "uses")?.StartsWith("hashicorp/setup-packer@", StringComparison.Ordinal) == true).ToList();
        Assert.Equal("matrix.packer", Text(Assert.Single(packerSteps), "if"));
        Assert.Equal("1.11.2", Text(Map(packerSteps[0], "with"), "version"));
        Assert.DoesNotContain(Steps(SyncWorkflow.Job("prune")), s => TextOrNull(s, "uses")?.Contains("setup-packer", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(Steps(SyncWorkflow.Job("report")), s => TextOrNull(s, "uses")?.Contains("setup-packer", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("sync")]
    [InlineData("prune")]
    public void SecretJobs_ValidateOrderAndAgeKeyLifecycle(string jobId)
    {
        var steps = Steps(SyncWorkflow.Job(jobId)).ToList();
        var names = steps.Select(s => Text(s, "name")).ToList();
        Assert.Equal("Check out", names[0]);
        Assert.Equal("global.json", Text(Map(steps[1], "with"), "global-json-file"));
        var write = steps.Single(s => Text(s, "name") == "Write the SOPS age key");
        Assert.Equal("${{ secrets.SOPS_AGE_KEY }}", Text(Map(write, "env"), "SOPS_AGE_KEY"));
        Assert.Contains("umask 077", Text(write, "run"), StringComparison.Ordinal);
        Assert.Contains("chmod 600 \"${key_file}\"", Text(write, "run"), StringComparison.Ordinal);
        var remove = steps[^1];
        Assert.Equal("Remove the SOPS age key", Text(remove, "name"));
        Assert.Equal("always()", Text(remove, "if"));
        if (jobId == "plan")
        {
            Assert.True(names.IndexOf("Validate") < names.FindIndex(n => n.StartsWith("Plan", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void ReportJob_AlwaysRunsAfterEveryJob()
    {
        var report = SyncWorkflow.Job("report");
        Assert.Equal("always()", Text(report, "if"));
        Assert.Equal(["plan", "sync", "prune"], ((YamlSequenceNode)report["needs"]).Select(n => n.ToString()));
    }

    [Fact]
    public void PlanWorkflow_PullRequestsOnSamePaths_DryRunWithOptionalSecrets()
    {
        var on = Map(PlanWorkflow.Root, "on");
        Assert.Equal(["images/**", "infrastructure/**/packer/**"], ((YamlSequenceNode)Map(on, "pull_request")["paths"]).Select(n => n.ToString()));
        var steps = Steps(PlanWorkflow.Job("plan")).ToList();
        var scripts = string.Join("\n", steps.Select(s => TextOrNull(s, "run") ?? string.Empty));
        Assert.Contains("./build.sh Validate", scripts, StringComparison.Ordinal);
        Assert.Contains("./build.sh Sync --dry-run", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("--credentials", scripts, StringComparison.Ordinal); // only via IMAGEPIPELINE_CREDENTIALS when the secret exists
        Assert.Contains("echo \"IMAGEPIPELINE_CREDENTIALS=images/e2.sops.yaml\" >> \"${GITHUB_ENV}\"", scripts, StringComparison.Ordinal);
        Assert.Contains("exit 0", Text(steps.Single(s => Text(s, "name") == "Write the SOPS age key"), "run"), StringComparison.Ordinal);
    }

    [Fact]
    public void PackerSecrets_CoverEveryEnvironmentReferenceOfTheManifest()
    {
        var manifest = File.ReadAllText(Path.Combine(RepositoryPaths.Root, Build.WorkflowSettings.Manifest));

        var referenced = EnvironmentReference().Matches(manifest).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.NotEmpty(referenced);
        Assert.Subset(Build.WorkflowSettings.PackerSecrets.ToHashSet(), referenced);
    }

    [GeneratedRegex(@"\bmatrix\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex MatrixReference();

    [GeneratedRegex(@"\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex EnvironmentReference();
}
