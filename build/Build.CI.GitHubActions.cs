using ImagePipeline.Build.CI;
using ImagePipeline.GitHubActions;

namespace ImagePipeline.Build;

/// <summary>
/// The GitHub Actions workflows, declared next to the build they run and generated from here
/// (<c>./build.sh GenerateWorkflows</c>); <c>./build.sh CheckWorkflows</c> fails while a committed copy is stale.
/// </summary>
internal sealed partial class Build
{
    /// <summary>The settings the committed workflows are generated with.</summary>
    internal static ImageWorkflowSettings WorkflowSettings { get; } = new()
    {
        Branch = "main",
        Paths = ["images/**", "infrastructure/**/packer/**"],
        MaxParallel = 4,
        PackerVersion = "1.11.2",
        PackerSecrets = new Dictionary<string, IReadOnlyList<string>> { ["vyos-gateway"] = ["VYOS_SSH_PASSWORD"] },
    };

    internal static IReadOnlyList<GeneratedFile> GeneratedWorkflows(ImageWorkflowSettings settings) =>
    [
        new(ImageWorkflows.SyncFile, WorkflowWriter.Write(ImageWorkflows.Sync(settings))),
        new(ImageWorkflows.PlanFile, WorkflowWriter.Write(ImageWorkflows.Plan(settings))),
    ];

    async Task GenerateWorkflowsAsync(CancellationToken cancellationToken)
    {
        foreach (var file in GeneratedWorkflows(WorkflowSettings))
        {
            await file.WriteAsync(RootDirectory, cancellationToken);
            Log.Information("Wrote {File}", file.RelativePath);
        }
    }

    Task CheckWorkflowsAsync(CancellationToken cancellationToken)
    {
        var stale = GeneratedWorkflows(WorkflowSettings).Where(f => !f.IsCurrent(RootDirectory)).Select(f => f.RelativePath).ToList();
        if (stale.Count > 0)
        {
            foreach (var file in stale)
            {
                Log.ForContext("File", file).Error("{File} is stale or missing: it differs from what {Command} writes", file, ImageWorkflows.RegenerateCommand);
            }

            throw new InvalidOperationException(
                $"Stale workflow(s): {string.Join(", ", stale)}. Run {ImageWorkflows.RegenerateCommand} and commit the result.");
        }

        Log.Information("Workflows are up to date: {Files}", string.Join(", ", GeneratedWorkflows(WorkflowSettings).Select(f => f.RelativePath)));
        return Task.CompletedTask;
    }
}
