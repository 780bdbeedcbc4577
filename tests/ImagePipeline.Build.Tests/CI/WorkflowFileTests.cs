using ImagePipeline.Build.CI;
using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>The committed workflows are the expected snapshots: generating them again must give the same bytes.</summary>
public class WorkflowFileTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Theory]
    [InlineData(ImageWorkflows.SyncFile)]
    [InlineData(ImageWorkflows.PlanFile)]
    public void CommittedWorkflow_EqualsGeneratedWorkflow(string relativePath)
    {
        var generated = Build.GeneratedWorkflows(Build.WorkflowSettings).Single(f => f.RelativePath == relativePath);

        var committed = File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath));

        Assert.Equal(generated.Content, committed);
        Assert.StartsWith("# Generated from build/Build.CI.GitHubActions.cs", committed, StringComparison.Ordinal);
        Assert.Contains("./build.sh GenerateWorkflows", committed.Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckWorkflows_OnRepository_ExitsZero()
    {
        var (result, output) = await InProcessBuild.RunAsync(RepositoryPaths.Root, NoEnvironment, "CheckWorkflows");

        Assert.True(result.ExitCode == BuildResult.Success, output);
        Assert.Contains("Workflows are up to date", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckWorkflows_EditedCopy_ExitsOneNamingFileAndCommand()
    {
        using var root = new TempDirectory("gitops-check");
        Directory.CreateDirectory(root.Combine(".nuke"));
        foreach (var file in Build.GeneratedWorkflows(Build.WorkflowSettings))
        {
            await file.WriteAsync(root.Path, CancellationToken.None);
        }

        var edited = root.Combine(".github", "workflows", "images-plan.yml");
        File.WriteAllText(edited, File.ReadAllText(edited).Replace("timeout-minutes: 30", "timeout-minutes: 31", StringComparison.Ordinal));

        var (result, output) = await InProcessBuild.RunAsync(root.Path, NoEnvironment, "CheckWorkflows");

        Assert.Equal(BuildResult.TargetFailed, result.ExitCode);
        Assert.Contains(".github/workflows/images-plan.yml", output, StringComparison.Ordinal);
        Assert.DoesNotContain(".github/workflows/images-sync.yml is stale", output, StringComparison.Ordinal);
        Assert.Contains("Run ./build.sh GenerateWorkflows and commit the result", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateWorkflows_IntoEmptyRoot_WritesFilesThatCheckAccepts()
    {
        using var root = new TempDirectory("gitops-generate");
        Directory.CreateDirectory(root.Combine(".nuke"));

        var generate = await InProcessBuild.RunAsync(root.Path, NoEnvironment, "GenerateWorkflows");
        var check = await InProcessBuild.RunAsync(root.Path, NoEnvironment, "CheckWorkflows");

        Assert.Equal(BuildResult.Success, generate.Result.ExitCode);
        Assert.Equal(BuildResult.Success, check.Result.ExitCode);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, ImageWorkflows.SyncFile)),
            File.ReadAllBytes(root.Combine(".github", "workflows", "images-sync.yml")));
    }

    [Fact]
    public void ReferenceDoc_IsCurrent() =>
        Assert.True(Build.GeneratedReference().IsCurrent(RepositoryPaths.Root),
            $"{Build.ReferenceFile} is stale: run ./build.sh GenerateDocs and commit it");
}
