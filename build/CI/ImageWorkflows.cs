using ImagePipeline.GitHubActions;
using static ImagePipeline.Build.CI.WorkflowScripts;
using N = ImagePipeline.Build.Build.Names;

namespace ImagePipeline.Build.CI;

/// <summary>
/// The two generated workflows. <see cref="Sync"/>: on push to the main branch (or a manual run there), a plan job
/// reads the store with read-only credentials and lists the images that need work; one sync job per such image
/// runs on its own runner with the write key; prune on request; a report job names every image's result.
/// <see cref="Plan"/>: on pull requests, the dry-run plan with read-only credentials (or none).
/// The matrix comes from the plan at run time, so adding an image needs no regeneration.
/// </summary>
internal static class ImageWorkflows
{
    public const string RegenerateCommand = "./build.sh GenerateWorkflows";

    public const string SyncFile = ".github/workflows/images-sync.yml";

    public const string PlanFile = ".github/workflows/images-plan.yml";

    /// <summary>Where the legs write their result files, as the workflow spells it (<see cref="WorkflowScripts.ResultsDirectory"/> in bash).</summary>
    private const string ResultsPath = "${{ runner.temp }}/results";

    /// <summary>The artifact each sync leg leaves for the report (one per image).</summary>
    public const string ResultArtifactPrefix = "sync-result-";

    private static readonly IReadOnlyDictionary<string, string> ReadContents = new Dictionary<string, string> { ["contents"] = "read" };

    public static Workflow Sync(ImageWorkflowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var triggers = new WorkflowTriggers
        {
            Push = new PushTrigger([settings.Branch], settings.Paths),
            WorkflowDispatch = new WorkflowDispatchTrigger(
            [
                WorkflowInput.Boolean("force", "Re-acquire and re-upload every image, and rebuild packer images"),
                WorkflowInput.Boolean("prune", "After syncing, delete stored images the manifest no longer lists (guarded by --max-delete)"),
            ]),
        };
        // Jobs after the legs go between sync and report; the report needs every job before it and lists each one's result.
        List<WorkflowJob> jobs = [PlanJob(settings), SyncJob(settings), PruneJob(settings), CatalogJob(settings)];
        jobs.Add(ReportJob(settings, [.. jobs.Select(j => j.Id)]));
        return new Workflow("images-sync", triggers, jobs)
        {
            Banner = Banner,
            Permissions = ReadContents,
            // One run at a time, never cancelled midway. GitHub keeps at most one pending run per group: a newer
            // run (a push, or another manual run) replaces a pending one, which is then cancelled (docs/operations.md).
            Concurrency = new WorkflowConcurrency("images-sync", CancelInProgress: false),
            Env = Environment,
        };
    }

    public static Workflow Plan(ImageWorkflowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var plan = PlanCommand(settings);
        var job = new WorkflowJob("plan",
        [
            WorkflowSteps.Checkout,
            WorkflowSteps.SetUpDotnet,
            WorkflowSteps.RestoreBuild,
            WorkflowSteps.WriteAgeKey(settings.ReadOnlyAgeKeySecret, required: false),
            WorkflowStep.Script("Plan (store read with read-only credentials)", plan.With(N.Credentials, settings.ReadOnlyCredentials).ToString())
                with { If = "steps.age-key.outputs.present == 'true'" },
            WorkflowStep.Script("Plan (without the store: no read-only key)", plan.ToString())
                with { If = "steps.age-key.outputs.present != 'true'" },
            WorkflowSteps.RemoveAgeKey,
        ])
        {
            Name = "Validate and plan",
            RunsOn = settings.Runner,
            TimeoutMinutes = 30,
        };
        return new Workflow("images-plan", new WorkflowTriggers { PullRequest = new PullRequestTrigger(settings.Paths) }, [job])
        {
            Banner = Banner,
            Permissions = ReadContents,
            Concurrency = new WorkflowConcurrency("images-plan-${{ github.event.pull_request.number }}", CancelInProgress: true),
            Env = Environment,
        };
    }

    private static IReadOnlyList<string> Banner =>
    [
        "Generated from build/Build.CI.GitHubActions.cs — do not edit by hand.",
        $"Regenerate with: {RegenerateCommand}   (./build.sh CheckWorkflows fails while this file is stale)",
    ];

    private static Dictionary<string, string> Environment => new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>Sync and prune write to the store: only for the publishing branch, whatever started the run.</summary>
    private static string OnBranch(ImageWorkflowSettings settings) => $"github.ref == '{settings.BranchRef}'";

    /// <summary>Validate and Diff in one dry run; packer images are planned from the repository alone (no Packer, no secrets).</summary>
    private static BuildCommand PlanCommand(ImageWorkflowSettings settings) =>
        BuildCommand.Run(N.Sync).Flag(N.DryRun).Flag(N.NoPackerCheck).With(N.Manifest, settings.Manifest);

    private static WorkflowJob PlanJob(ImageWorkflowSettings settings) => new("plan",
    [
        WorkflowStep.Script($"Refuse to publish from a branch other than {settings.Branch}", RefuseOutsideBranch(settings))
            with { If = $"github.ref != '{settings.BranchRef}'" },
        WorkflowSteps.Checkout,
        WorkflowSteps.SetUpDotnet,
        WorkflowSteps.RestoreBuild,
        .. WorkflowSteps.CompileAndSaveBuild,
        WorkflowSteps.WriteAgeKey(settings.ReadOnlyAgeKeySecret, required: true),
        WorkflowStep.Script("Plan: which images need work", PlanOutputs(PlanCommand(settings)
            .With(N.Credentials, settings.ReadOnlyCredentials)
            .With(N.PlanJson, "\"${plan}\"")
            .WithExpression(WorkflowSteps.ForceFlag))) with { Id = "plan" },
        WorkflowSteps.RemoveAgeKey,
    ])
    {
        Name = "Plan",
        RunsOn = settings.Runner,
        TimeoutMinutes = 30,
        Outputs = new[] { PlannedOutput, MatrixOutput, CountOutput, FailedOutput }
            .ToDictionary(name => name, name => $"${{{{ steps.plan.outputs.{name} }}}}"),
    };

    private static WorkflowJob SyncJob(ImageWorkflowSettings settings) => new("sync",
    [
        WorkflowSteps.Checkout,
        WorkflowSteps.SetUpDotnet,
        WorkflowSteps.RestoreBuild,
        WorkflowSteps.SetUpPacker(settings, $"matrix.{ImageMatrix.Packer}"),
        WorkflowStep.Uses("Restore the download cache", "actions/cache/restore@v4", new Dictionary<string, string>
        {
            ["path"] = DownloadCache,
            ["key"] = $"imagepipeline-download-${{{{ matrix.{ImageMatrix.Image} }}}}-${{{{ matrix.{ImageMatrix.CacheKey} }}}}",
        }) with { Id = "download-cache", If = $"!matrix.{ImageMatrix.Packer}" },
        WorkflowStep.Uses("Cache Packer plugins", "actions/cache@v4", new Dictionary<string, string>
        {
            ["path"] = "~/.config/packer/plugins",
            ["key"] = $"packer-plugins-${{{{ runner.os }}}}-{settings.PackerVersion}-${{{{ hashFiles('**/*.pkr.hcl') }}}}",
            ["restore-keys"] = $"packer-plugins-${{{{ runner.os }}}}-{settings.PackerVersion}-",
        }) with { If = $"matrix.{ImageMatrix.Packer}" },
        WorkflowSteps.WriteAgeKey(settings.AgeKeySecret, required: true),
        WorkflowStep.Script($"Sync ${{{{ matrix.{ImageMatrix.Image} }}}}", BuildCommand.Run(N.Sync)
            .With(N.Image, "\"${LEG_IMAGE}\"")
            .With(N.Manifest, settings.Manifest)
            .With(N.Credentials, settings.Credentials)
            .With(N.CacheMaxSize, settings.DownloadCacheMaxSize)
            .With(N.ResultJson, $"\"{ResultsDirectory}/${{LEG_IMAGE}}.json\"")
            .WithExpression(WorkflowSteps.ForceFlag)
            // Parallel legs never write the catalog: the catalog job does, once, after all of them.
            .Skip(N.WriteCatalog).ToString()) with
        {
            Id = "sync",
            Env = new Dictionary<string, string>(WorkflowSteps.PackerSecretsOfLeg(settings)) { ["LEG_IMAGE"] = $"${{{{ matrix.{ImageMatrix.Image} }}}}" },
        },
        // Only a leg that did not finish saves what it downloaded, for its retry: after a success the image is in the
        // store, and only --force would read the source again. --cache-max-size bounds what can be saved.
        WorkflowStep.Uses("Save the download cache for a retry", "actions/cache/save@v4", new Dictionary<string, string>
        {
            ["path"] = DownloadCache,
            ["key"] = "${{ steps.download-cache.outputs.cache-primary-key }}",
        }) with
        {
            If = $"always() && !matrix.{ImageMatrix.Packer} && (steps.sync.outcome == 'failure' || steps.sync.outcome == 'cancelled')"
                + " && steps.download-cache.outputs.cache-hit != 'true'",
        },
        WorkflowStep.Uses("Hand the result to the report", "actions/upload-artifact@v4", new Dictionary<string, string>
        {
            ["name"] = $"{ResultArtifactPrefix}${{{{ matrix.{ImageMatrix.Image} }}}}",
            ["path"] = ResultsPath,
            ["if-no-files-found"] = "ignore",
            ["retention-days"] = "1",
        }) with { If = "always()" },
        WorkflowSteps.RemoveAgeKey,
    ])
    {
        Name = $"Sync ${{{{ matrix.{ImageMatrix.Image} }}}}",
        Needs = ["plan"],
        // The plan job fails when an image failed its check, but its outputs still list the healthy images: they are
        // synced. No leg to run: the job is skipped rather than started with an empty matrix (which GitHub rejects).
        If = $"!cancelled() && {OnBranch(settings)} && needs.plan.outputs.{PlannedOutput} == 'true'"
            + $" && fromJSON(needs.plan.outputs.{CountOutput}) > 0",
        RunsOn = settings.Runner,
        Environment = settings.PublishEnvironment,
        TimeoutMinutes = 360,
        Strategy = new JobStrategy($"${{{{ fromJSON(needs.plan.outputs.{MatrixOutput}) }}}}") { MaxParallel = settings.MaxParallel, FailFast = false },
    };

    // Only on a manual run that asked for it (a typed boolean), on the publishing branch, when the plan read the
    // store and found no failed image, and every leg succeeded.
    private static WorkflowJob PruneJob(ImageWorkflowSettings settings) => StoreJob(settings, "prune", "Prune",
        BuildCommand.Run(N.Prune).With(N.Manifest, settings.Manifest).With(N.Credentials, settings.Credentials),
        needs: ["plan", "sync"],
        condition: "github.event_name == 'workflow_dispatch' && inputs.prune == true"
            + $" && needs.plan.result == 'success' && needs.plan.outputs.{PlannedOutput} == 'true'"
            + " && (needs.sync.result == 'success' || needs.sync.result == 'skipped')");

    // Once after every leg and the prune, whatever they did (a failed leg leaves the catalog listing what is published):
    // the catalog of the whole store, written by one job only.
    private static WorkflowJob CatalogJob(ImageWorkflowSettings settings) => StoreJob(settings, "catalog", "Write the catalog",
        BuildCommand.Run(N.WriteCatalog).With(N.Credentials, settings.Credentials),
        needs: ["plan", "sync", "prune"],
        condition: $"needs.plan.outputs.{PlannedOutput} == 'true'");

    /// <summary>
    /// A job after the legs that runs one build command against the store with the write key, on the publishing
    /// branch only, in the publish environment (prune, the catalog).
    /// </summary>
    private static WorkflowJob StoreJob(ImageWorkflowSettings settings, string id, string name, BuildCommand command, IReadOnlyList<string> needs, string condition) => new(id,
    [
        WorkflowSteps.Checkout,
        WorkflowSteps.SetUpDotnet,
        WorkflowSteps.RestoreBuild,
        WorkflowSteps.WriteAgeKey(settings.AgeKeySecret, required: true),
        WorkflowStep.Script(name, command.ToString()),
        WorkflowSteps.RemoveAgeKey,
    ])
    {
        Name = name,
        Needs = needs,
        If = $"!cancelled() && {OnBranch(settings)} && {condition}",
        RunsOn = settings.Runner,
        Environment = settings.PublishEnvironment,
        TimeoutMinutes = 30,
    };

    private static WorkflowJob ReportJob(ImageWorkflowSettings settings, IReadOnlyList<string> needs) => new("report",
    [
        WorkflowStep.Uses("Collect the legs' results", "actions/download-artifact@v4", new Dictionary<string, string>
        {
            ["pattern"] = ResultArtifactPrefix + "*",
            ["path"] = ResultsPath,
            ["merge-multiple"] = "true",
        }) with { ContinueOnError = true },
        WorkflowStep.Script("Report every image and job", Report) with
        {
            Env = new Dictionary<string, string>
            {
                ["NEEDS"] = "${{ toJSON(needs) }}",
                ["RESULTS_DIR"] = ResultsPath,
            },
        },
    ])
    {
        Name = "Report",
        Needs = needs,
        If = "always()",
        RunsOn = settings.Runner,
        TimeoutMinutes = 5,
    };

    private const string DownloadCache = "~/.cache/imagepipeline";
}
