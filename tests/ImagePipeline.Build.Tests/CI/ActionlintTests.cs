using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>The committed (generated) workflows pass actionlint, each named by its path.</summary>
public class ActionlintTests
{
    [Fact]
    public async Task Actionlint_GeneratedWorkflows_Pass()
    {
        var files = Build.GeneratedWorkflows(Build.WorkflowSettings).Select(f => f.FullPath(RepositoryPaths.Root)).ToArray();

        var (exitCode, output) = await Actionlint.RunAsync(files);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Checking {files.Length} workflow file(s)", output, StringComparison.Ordinal);
        Assert.Contains("All workflow files passed", output, StringComparison.Ordinal);
    }
}
