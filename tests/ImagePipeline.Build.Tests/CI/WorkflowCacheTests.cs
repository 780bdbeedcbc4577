using ImagePipeline.Build.CI;
using YamlDotNet.RepresentationModel;
using static ImagePipeline.Build.Tests.CI.WorkflowYaml;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>The download cache and the compiled build, as the workflows restore and save them.</summary>
public class WorkflowCacheTests
{
    private static readonly WorkflowYaml SyncWorkflow = Load(ImageWorkflows.SyncFile);
    private static readonly WorkflowYaml PlanWorkflow = Load(ImageWorkflows.PlanFile);

    [Fact]
    public void DownloadCache_IsRestoredPerImageAndDigest_AndSavedEvenWhenTheLegFailed()
    {
        var steps = Steps(SyncWorkflow.Job("sync")).ToList();
        var restore = steps.Single(s => Uses(s) == "actions/cache/restore@v4" && Text(Map(s, "with"), "path") == "~/.cache/imagepipeline");
        var save = steps.Single(s => Uses(s) == "actions/cache/save@v4" && Text(Map(s, "with"), "path") == "~/.cache/imagepipeline");
        var sync = steps.Single(s => TextOrNull(s, "id") == "sync");

        Assert.Equal("imagepipeline-download-${{ matrix.image }}-${{ matrix.cacheKey }}", Text(Map(restore, "with"), "key"));
        Assert.Equal("!matrix.packer", Text(restore, "if"));
        Assert.Equal("${{ steps.download-cache.outputs.cache-primary-key }}", Text(Map(save, "with"), "key"));
        // actions/cache saves only after a successful job; the split save runs after a failure too (always()), for the retry.
        var condition = Text(save, "if");
        Assert.StartsWith("always() && ", condition, StringComparison.Ordinal);
        Assert.Contains("steps.sync.outcome == 'failure'", condition, StringComparison.Ordinal);
        Assert.Contains("steps.download-cache.outputs.cache-hit != 'true'", condition, StringComparison.Ordinal);
        Assert.True(steps.IndexOf(restore) < steps.IndexOf(sync) && steps.IndexOf(sync) < steps.IndexOf(save));
        // The bound on what the leg caches, so on what it can save: no source over 4 GiB is kept.
        Assert.Contains("--cache-max-size 4GiB", Text(sync, "run"), StringComparison.Ordinal);
        Assert.DoesNotContain(steps, s => Uses(s) == "actions/cache@v4" && Text(Map(s, "with"), "path") == "~/.cache/imagepipeline");
    }

    [Fact]
    public void CompiledBuild_IsRestoredBeforeEveryBuildCommand_WithOneKey()
    {
        var jobs = new[] { SyncWorkflow, PlanWorkflow }.SelectMany(w => w.Jobs)
            .Where(job => Steps(job.Job).Any(s => TextOrNull(s, "run")?.Contains("./build.sh", StringComparison.Ordinal) == true))
            .ToList();

        Assert.Equal(["plan", "sync", "prune", "catalog", "plan"], jobs.Select(j => j.Id));
        foreach (var (id, job) in jobs)
        {
            var steps = Steps(job).ToList();
            var restore = steps.FindIndex(s => Uses(s) == "actions/cache/restore@v4" && Text(Map(s, "with"), "path") == WorkflowSteps.CompiledBuild);
            var firstBuild = steps.FindIndex(s => TextOrNull(s, "run")?.Contains("./build.sh", StringComparison.Ordinal) == true);
            Assert.True(restore >= 0 && restore < firstBuild, $"{id}: the compiled build is not restored before the first ./build.sh");
            Assert.Equal(WorkflowSteps.BuildCacheKey, Text(Map(steps[restore], "with"), "key"));
            Assert.Equal("build-cache", Text(steps[restore], "id"));
            Assert.True(steps.FindIndex(s => TextOrNull(s, "id") == "dotnet") < restore, $"{id}: the key reads the SDK version setup-dotnet reports");
        }

        Assert.Contains("steps.dotnet.outputs.dotnet-version", WorkflowSteps.BuildCacheKey, StringComparison.Ordinal);
        Assert.Contains("hashFiles('build/**', 'src/**', 'global.json', 'Directory.Build.props', 'Directory.Packages.props')", WorkflowSteps.BuildCacheKey, StringComparison.Ordinal);
    }

    [Fact]
    public void CompiledBuild_IsCompiledAndSavedOnlyByThePlanJob_OnACacheMiss()
    {
        var savers = new[] { SyncWorkflow, PlanWorkflow }.SelectMany(w => w.Jobs.Select(job => (w, job.Id, job.Job)))
            .Where(j => Steps(j.Job).Any(s => Uses(s) == "actions/cache/save@v4" && Text(Map(s, "with"), "path") == WorkflowSteps.CompiledBuild))
            .ToList();

        var (workflow, id, plan) = Assert.Single(savers);
        Assert.Same(SyncWorkflow, workflow);
        Assert.Equal("plan", id);
        var steps = Steps(plan).ToList();
        var compile = steps.Single(s => Text(s, "name") == "Compile the build");
        var save = steps.Single(s => Uses(s) == "actions/cache/save@v4");
        Assert.Equal("./build.sh --help > /dev/null", Text(compile, "run"));
        Assert.Equal("steps.build-cache.outputs.cache-hit != 'true'", Text(compile, "if"));
        Assert.Equal("steps.build-cache.outputs.cache-hit != 'true'", Text(save, "if"));
        Assert.Equal("${{ steps.build-cache.outputs.cache-primary-key }}", Text(Map(save, "with"), "key"));
        Assert.True(steps.IndexOf(save) < steps.FindIndex(s => TextOrNull(s, "id") == "plan"), "saved before the plan runs, so a failed plan still leaves it for the next run");
        Assert.DoesNotContain(Steps(SyncWorkflow.Job("sync")), s => TextOrNull(s, "name") == "Compile the build");
    }
}
