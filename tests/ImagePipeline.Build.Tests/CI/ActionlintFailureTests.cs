using ImagePipeline.Build.CI;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>Proves the actionlint check can fail (its own class, so it runs beside <see cref="ActionlintTests"/>).</summary>
public class ActionlintFailureTests
{
    [Fact]
    public async Task Actionlint_BrokenWorkflow_FailsNamingTheErrors()
    {
        using var directory = new TempDirectory("gitops-actionlint");
        var broken = directory.Combine("images-sync.yml");
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ImageWorkflows.SyncFile));
        File.WriteAllText(broken, text
            .Replace("needs.plan.outputs.matrix", "needs.plan.outputs.matrx", StringComparison.Ordinal)
            .Replace("inputs.prune == true", "inputs.prun == true", StringComparison.Ordinal));

        var (exitCode, output) = await Actionlint.RunAsync(broken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Checking 1 workflow file(s)", output, StringComparison.Ordinal);
        Assert.Contains("matrx", output, StringComparison.Ordinal);
        Assert.Contains("prun", output, StringComparison.Ordinal);
    }
}
