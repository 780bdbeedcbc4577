using System.Text.RegularExpressions;
using ImagePipeline.Build.CI;
using ImagePipeline.Testing;
using YamlDotNet.RepresentationModel;
using static ImagePipeline.Build.Tests.CI.WorkflowYaml;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>Who may publish, with which key, and where each secret is visible, read back from the committed YAML.</summary>
public partial class WorkflowSafetyTests
{
    private const string WriteKey = "${{ secrets.SOPS_AGE_KEY }}";
    private const string ReadOnlyKey = "${{ secrets.SOPS_AGE_KEY_READONLY }}";

    private static readonly WorkflowYaml SyncWorkflow = Load(ImageWorkflows.SyncFile);
    private static readonly WorkflowYaml PlanWorkflow = Load(ImageWorkflows.PlanFile);

    [Theory]
    [InlineData("sync")]
    [InlineData("prune")]
    [InlineData("catalog")]
    public void StoreWritingJobs_RunOnlyForMainAndInThePublishEnvironment(string jobId)
    {
        var job = SyncWorkflow.Job(jobId);

        Assert.Contains("github.ref == 'refs/heads/main'", Text(job, "if"), StringComparison.Ordinal);
        Assert.Equal("images-publish", Text(job, "environment"));
        Assert.Contains(Steps(job), s => TextOrNull(MapOrNull(s, "env") ?? new YamlMappingNode(), "SOPS_AGE_KEY") == WriteKey);
    }

    [Fact]
    public void PlanJob_RefusesAnotherBranchBeforeCheckingOut_AndHoldsOnlyTheReadOnlyKey()
    {
        var steps = Steps(SyncWorkflow.Job("plan")).ToList();

        Assert.Equal("github.ref != 'refs/heads/main'", Text(steps[0], "if"));
        Assert.Contains("exit 1", Text(steps[0], "run"), StringComparison.Ordinal);
        Assert.Contains("::error::", Text(steps[0], "run"), StringComparison.Ordinal);
        Assert.Equal("Check out", Text(steps[1], "name"));
        var keys = steps.Select(s => MapOrNull(s, "env")).OfType<YamlMappingNode>().Select(env => TextOrNull(env, "SOPS_AGE_KEY")).OfType<string>();
        Assert.Equal([ReadOnlyKey], keys);
        Assert.Null(MapOrNull(SyncWorkflow.Job("plan"), "environment"));
    }

    [Fact]
    public void PullRequestPlan_NeverReferencesTheWriteKeyOrTheWriteCredentials()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ImageWorkflows.PlanFile));

        Assert.Contains(ReadOnlyKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(WriteKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("images/e2.sops.yaml", text, StringComparison.Ordinal);
        Assert.DoesNotContain("environment:", text, StringComparison.Ordinal);
        Assert.Equal(["contents"], Map(PlanWorkflow.Root, "permissions").Children.Keys.Select(k => k.ToString()));
        // With the key: the store is read (read-only); without it (forks): a plan without the store, not a failure.
        var steps = Steps(PlanWorkflow.Job("plan")).ToList();
        var withStore = steps.Single(s => TextOrNull(s, "if") == "steps.age-key.outputs.present == 'true'");
        var withoutStore = steps.Single(s => TextOrNull(s, "if") == "steps.age-key.outputs.present != 'true'");
        Assert.Contains("--credentials images/e2-readonly.sops.yaml", Text(withStore, "run"), StringComparison.Ordinal);
        Assert.DoesNotContain("--credentials", Text(withoutStore, "run"), StringComparison.Ordinal);
        Assert.Contains("exit 0", Text(steps.Single(s => TextOrNull(s, "id") == "age-key"), "run"), StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_AreEnvOfSingleStepsOnly_NeverOfAWorkflowOrJob()
    {
        foreach (var workflow in new[] { SyncWorkflow, PlanWorkflow })
        {
            Assert.DoesNotContain("secrets.", MapOrNull(workflow.Root, "env")?.ToString() ?? string.Empty, StringComparison.Ordinal);
            foreach (var (id, job) in workflow.Jobs)
            {
                Assert.True(MapOrNull(job, "env") is null, $"job {id} has job-level env");
                foreach (var step in Steps(job))
                {
                    // Secrets reach a step through its env only: never inline in a script or an action's inputs.
                    Assert.DoesNotContain("secrets.", TextOrNull(step, "run") ?? string.Empty, StringComparison.Ordinal);
                    Assert.DoesNotContain("secrets.", MapOrNull(step, "with")?.ToString() ?? string.Empty, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void PackerSecret_IsEnvOfTheSyncStepOfThatImagesLegOnly()
    {
        var referencing = SyncWorkflow.Jobs.SelectMany(job => Steps(job.Job).Select(step => (job.Id, Step: step)))
            .Where(s => MapOrNull(s.Step, "env")?.Children.ContainsKey(new YamlScalarNode("VYOS_SSH_PASSWORD")) == true)
            .ToList();

        var (jobId, step) = Assert.Single(referencing);
        Assert.Equal("sync", jobId);
        Assert.Equal("sync", Text(step, "id"));
        Assert.Equal("${{ (matrix.image == 'vyos-gateway' && secrets.VYOS_SSH_PASSWORD) || '' }}", Text(Map(step, "env"), "VYOS_SSH_PASSWORD"));
        Assert.DoesNotContain("VYOS_SSH_PASSWORD", File.ReadAllText(Path.Combine(RepositoryPaths.Root, ImageWorkflows.PlanFile)), StringComparison.Ordinal);
    }

    [Fact]
    public void Packer_IsSetUpOnlyInPackerLegs()
    {
        var setups = new[] { SyncWorkflow, PlanWorkflow }.SelectMany(w => w.Jobs.SelectMany(job => Steps(job.Job).Select(step => (job.Id, Step: step))))
            .Where(s => Uses(s.Step)?.StartsWith("hashicorp/setup-packer@", StringComparison.Ordinal) == true)
            .ToList();

        var (jobId, step) = Assert.Single(setups);
        Assert.Equal("sync", jobId);
        Assert.Equal("matrix.packer", Text(step, "if"));
        Assert.Equal("1.11.2", Text(Map(step, "with"), "version"));
    }

    [Fact]
    public void Prune_RequiresADispatchAskingForIt_APlanThatReadTheStoreWithoutFailures_AndEveryLeg()
    {
        var condition = Text(SyncWorkflow.Job("prune"), "if");

        Assert.Equal(["plan", "sync"], Sequence(SyncWorkflow.Job("prune"), "needs"));
        Assert.Contains("github.event_name == 'workflow_dispatch' && inputs.prune == true", condition, StringComparison.Ordinal);
        Assert.Contains("needs.plan.result == 'success'", condition, StringComparison.Ordinal);
        Assert.Contains("needs.plan.outputs.planned == 'true'", condition, StringComparison.Ordinal);
        Assert.Contains("(needs.sync.result == 'success' || needs.sync.result == 'skipped')", condition, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_IsWrittenOnceAfterEveryLegAndThePrune_NeverByTheLegs()
    {
        var catalog = SyncWorkflow.Job("catalog");
        var leg = Steps(SyncWorkflow.Job("sync")).Single(s => TextOrNull(s, "id") == "sync");

        Assert.Equal(["plan", "sync", "prune"], Sequence(catalog, "needs"));
        Assert.StartsWith("!cancelled()", Text(catalog, "if"), StringComparison.Ordinal);
        Assert.Contains("needs.plan.outputs.planned == 'true'", Text(catalog, "if"), StringComparison.Ordinal);
        Assert.Null(MapOrNull(catalog, "strategy"));
        Assert.Contains(Steps(catalog), s => TextOrNull(s, "run") == "./build.sh WriteCatalog --credentials images/e2.sops.yaml");
        Assert.EndsWith("--skip WriteCatalog", Text(leg, "run"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("sync")]
    [InlineData("prune")]
    [InlineData("catalog")]
    public void SecretJobs_WriteTheAgeKeyPrivatelyAndAlwaysRemoveIt(string jobId)
    {
        var steps = Steps(SyncWorkflow.Job(jobId)).ToList();
        var write = steps.Single(s => TextOrNull(s, "id") == "age-key");
        Assert.Contains("umask 077", Text(write, "run"), StringComparison.Ordinal);
        Assert.Contains("chmod 600 \"${key_file}\"", Text(write, "run"), StringComparison.Ordinal);
        Assert.Contains("exit 1", Text(write, "run"), StringComparison.Ordinal); // a missing secret fails these jobs
        var remove = steps[^1];
        Assert.Equal("Remove the SOPS age key", Text(remove, "name"));
        Assert.Equal("always()", Text(remove, "if"));
    }

    [Fact]
    public void PackerSecrets_AreExactlyTheEnvironmentReferencesOfEachPackerImage()
    {
        var manifest = File.ReadAllText(Path.Combine(RepositoryPaths.Root, Build.WorkflowSettings.Manifest));
        var entries = Regex.Split(manifest, @"\n    - name: ").Skip(1);

        var referenced = entries
            .Select(entry => (Image: entry.Split('\n')[0].Trim(), Names: EnvironmentReference().Matches(entry).Select(m => m.Groups[1].Value).ToList()))
            .Where(entry => entry.Names.Count > 0)
            .ToDictionary(entry => entry.Image, entry => entry.Names);

        Assert.NotEmpty(referenced);
        Assert.Equal(referenced.Keys.Order(StringComparer.Ordinal), Build.WorkflowSettings.PackerSecrets.Keys.Order(StringComparer.Ordinal));
        Assert.All(referenced, entry => Assert.Equal(entry.Value, Build.WorkflowSettings.PackerSecrets[entry.Key]));
    }

    [GeneratedRegex(@"\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex EnvironmentReference();
}
