using ImagePipeline.GitHubActions;

namespace ImagePipeline.Build.CI;

/// <summary>
/// The two generated workflows. <see cref="Sync"/>: on push to the main branch (or a manual run), a plan job
/// reads the store and lists the images that need work; one sync job per such image runs on its own runner;
/// a report job collects the results. <see cref="Plan"/>: on pull requests, Validate and the dry-run plan.
/// The matrix comes from the plan at run time, so adding an image needs no regeneration.
/// </summary>
internal static class ImageWorkflows
{
    public const string RegenerateCommand = "./build.sh GenerateWorkflows";

    public const string SyncFile = ".github/workflows/images-sync.yml";

    public const string PlanFile = ".github/workflows/images-plan.yml";

    /// <summary>The plan job's outputs, read by the sync job's matrix and condition.</summary>
    public const string MatrixOutput = "matrix";

    public const string CountOutput = "count";

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
        return new Workflow("images-sync", triggers, [PlanJob(settings), SyncJob(settings), PruneJob(settings), ReportJob(settings)])
        {
            Banner = Banner,
            Permissions = ReadContents,
            Concurrency = new WorkflowConcurrency("images-sync", CancelInProgress: false),
            Env = Environment,
        };
    }

    public static Workflow Plan(ImageWorkflowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var job = new WorkflowJob("plan",
        [
            WorkflowSteps.Checkout,
            WorkflowSteps.SetUpDotnet,
            WorkflowSteps.SetUpPacker(settings, PackerTemplatesPresent),
            WorkflowSteps.WriteAgeKey(settings, required: false),
            WorkflowSteps.Validate(settings),
            WorkflowStep.Script("Plan (dry run)",
                $"./build.sh Sync --dry-run --skip Validate --manifest {settings.Manifest} --plan-json \"${{RUNNER_TEMP}}/plan.json\""),
            WorkflowSteps.RemoveAgeKey,
        ])
        {
            Name = "Validate and plan",
            RunsOn = settings.Runner,
            TimeoutMinutes = 30,
            Env = WorkflowSteps.PackerEnvironment(settings),
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

    /// <summary>Packer images are fingerprinted with the packer version, so the plan needs Packer when there are templates.</summary>
    private const string PackerTemplatesPresent = "hashFiles('**/*.pkr.hcl') != ''";

    private static WorkflowJob PlanJob(ImageWorkflowSettings settings) => new("plan",
    [
        WorkflowSteps.Checkout,
        WorkflowSteps.SetUpDotnet,
        WorkflowSteps.SetUpPacker(settings, PackerTemplatesPresent),
        WorkflowSteps.WriteAgeKey(settings, required: true),
        WorkflowSteps.Validate(settings),
        WorkflowStep.Script("Plan: which images need work", $$"""
            plan="${RUNNER_TEMP}/plan.json"
            ./build.sh Sync --dry-run --skip Validate --manifest {{settings.Manifest}} --credentials {{settings.Credentials}} --plan-json "${plan}" {{WorkflowSteps.ForceFlag}}
            if [ "$(jq -r '.storeWasRead' "${plan}")" != "true" ]; then
              echo "::error::The plan could not read the store, so it cannot tell which images need work."
              exit 1
            fi
            echo "{{MatrixOutput}}=$(jq -c '.matrix' "${plan}")" >> "${GITHUB_OUTPUT}"
            echo "{{CountOutput}}=$(jq '.matrix.include | length' "${plan}")" >> "${GITHUB_OUTPUT}"
            """) with { Id = "plan" },
        WorkflowSteps.RemoveAgeKey,
    ])
    {
        Name = "Plan",
        RunsOn = settings.Runner,
        TimeoutMinutes = 30,
        Outputs = new Dictionary<string, string>
        {
            [MatrixOutput] = $"${{{{ steps.plan.outputs.{MatrixOutput} }}}}",
            [CountOutput] = $"${{{{ steps.plan.outputs.{CountOutput} }}}}",
        },
        Env = WorkflowSteps.PackerEnvironment(settings),
    };

    private static WorkflowJob SyncJob(ImageWorkflowSettings settings) => new("sync",
    [
        WorkflowSteps.Checkout,
        WorkflowSteps.SetUpDotnet,
        WorkflowSteps.SetUpPacker(settings, "matrix.packer"),
        WorkflowStep.Uses("Cache downloads", "actions/cache@v4", new Dictionary<string, string>
        {
            ["path"] = "~/.cache/imagepipeline",
            ["key"] = "imagepipeline-download-${{ matrix.image }}-${{ matrix.cacheKey }}",
        }) with { If = "!matrix.packer" },
        WorkflowStep.Uses("Cache Packer plugins", "actions/cache@v4", new Dictionary<string, string>
        {
            ["path"] = "~/.config/packer/plugins",
            ["key"] = $"packer-plugins-${{{{ runner.os }}}}-{settings.PackerVersion}-${{{{ hashFiles('**/*.pkr.hcl') }}}}",
            ["restore-keys"] = $"packer-plugins-${{{{ runner.os }}}}-{settings.PackerVersion}-",
        }) with { If = "matrix.packer" },
        WorkflowSteps.WriteAgeKey(settings, required: true),
        WorkflowStep.Script("Sync ${{ matrix.image }}",
            $"./build.sh Sync --image \"${{{{ matrix.image }}}}\" --manifest {settings.Manifest} --credentials {settings.Credentials} {WorkflowSteps.ForceFlag}"),
        WorkflowSteps.RemoveAgeKey,
    ])
    {
        Name = "Sync ${{ matrix.image }}",
        Needs = ["plan"],
        // No leg to run: the job is skipped rather than started with an empty matrix (which GitHub rejects).
        If = $"fromJSON(needs.plan.outputs.{CountOutput}) > 0",
        RunsOn = settings.Runner,
        TimeoutMinutes = 360,
        Strategy = new JobStrategy($"${{{{ fromJSON(needs.plan.outputs.{MatrixOutput}) }}}}") { MaxParallel = settings.MaxParallel, FailFast = false },
        Env = WorkflowSteps.PackerEnvironment(settings),
    };

    private static WorkflowJob PruneJob(ImageWorkflowSettings settings) => new("prune",
    [
        WorkflowSteps.Checkout,
        WorkflowSteps.SetUpDotnet,
        WorkflowSteps.WriteAgeKey(settings, required: true),
        WorkflowStep.Script("Prune", $"./build.sh Prune --manifest {settings.Manifest} --credentials {settings.Credentials}"),
        WorkflowSteps.RemoveAgeKey,
    ])
    {
        Name = "Prune",
        Needs = ["plan", "sync"],
        // Only on a manual run that asked for it (a typed boolean), and only after every image synced.
        If = "always() && github.event_name == 'workflow_dispatch' && inputs.prune == true"
            + " && needs.plan.result == 'success' && (needs.sync.result == 'success' || needs.sync.result == 'skipped')",
        RunsOn = settings.Runner,
        TimeoutMinutes = 30,
    };

    private static WorkflowJob ReportJob(ImageWorkflowSettings settings) => new("report",
    [
        WorkflowStep.Script("Summarise", $$"""
            matrix="${MATRIX:-}"
            [ -n "${matrix}" ] || matrix='{"include":[]}'
            images="$(jq -r '[.include[].image] | join(", ")' <<< "${matrix}")"
            {
              echo "### images-sync"
              echo
              echo "| job | result |"
              echo "|---|---|"
              echo "| plan | ${PLAN_RESULT} |"
              echo "| sync: ${images:-no image needed work} | ${SYNC_RESULT} |"
              echo "| prune | ${PRUNE_RESULT} |"
            } >> "${GITHUB_STEP_SUMMARY}"
            case "${PLAN_RESULT} ${SYNC_RESULT} ${PRUNE_RESULT}" in
              *failure*|*cancelled*) echo "::error::images-sync did not complete: plan ${PLAN_RESULT}, sync ${SYNC_RESULT}, prune ${PRUNE_RESULT}"; exit 1 ;;
            esac
            """) with
        {
            Env = new Dictionary<string, string>
            {
                ["MATRIX"] = $"${{{{ needs.plan.outputs.{MatrixOutput} }}}}",
                ["PLAN_RESULT"] = "${{ needs.plan.result }}",
                ["SYNC_RESULT"] = "${{ needs.sync.result }}",
                ["PRUNE_RESULT"] = "${{ needs.prune.result }}",
            },
        },
    ])
    {
        Name = "Report",
        Needs = ["plan", "sync", "prune"],
        If = "always()",
        RunsOn = settings.Runner,
        TimeoutMinutes = 5,
    };
}
