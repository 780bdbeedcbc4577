using System.Text.RegularExpressions;
using ImagePipeline.Build.CI;
using ImagePipeline.Engine;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>
/// Every <c>./build.sh</c> line of the generated workflows, run through the real build with <c>--plan</c> (which resolves
/// targets and parameters and prints the plan without running anything): exit 0 means each target and option exists.
/// </summary>
public partial class WorkflowCommandLineTests
{
    private const string LegImage = "tiny-disk-1.0";

    public static TheoryData<string> CommandLines() => [.. Lines()];

    private static List<string> Lines()
    {
        return new[] { ImageWorkflows.SyncFile, ImageWorkflows.PlanFile }
            .SelectMany(file => WorkflowYaml.Load(file).Scripts)
            .SelectMany(script => script.Split('\n'))
            .Where(line => line.Contains(BuildCommand.Script, StringComparison.Ordinal))
            .Select(line => Trailer().Replace(line[line.IndexOf(BuildCommand.Script, StringComparison.Ordinal)..], string.Empty))
            .Distinct()
            .ToList();
    }

    [Fact]
    public void CommandLines_AreEveryCommandTheWorkflowsRun()
    {
        var lines = Lines();

        Assert.Equal(7, lines.Count); // compile, plan (push), sync leg, prune, catalog, plan (PR, with and without the store)
        Assert.Contains(lines, l => l.StartsWith("./build.sh Sync --image ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("./build.sh Prune ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("./build.sh WriteCatalog ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public async Task CommandLine_ResolvesAgainstTheRealTargetsAndParameters(string line)
    {
        using var repository = QuickstartRepository();

        var run = await repository.RunAsync([.. Words(line, repository), "--plan"]);

        Assert.True(run.ExitCode == BuildResult.Success, $"{line}\n{run}");
        foreach (var target in Words(line, repository).TakeWhile(w => !w.StartsWith('-')))
        {
            Assert.Contains(target, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CommandLine_MisspelledParameter_FailsTheSameCheck()
    {
        using var repository = QuickstartRepository();
        var line = Lines().Single(l => l.StartsWith("./build.sh Prune", StringComparison.Ordinal));

        var run = await repository.RunAsync([.. Words(line.Replace("--manifest", "--manifests", StringComparison.Ordinal), repository), "--plan"]);

        Assert.Equal(BuildResult.UsageError, run.ExitCode);
        Assert.Contains("--manifests", run.Output, StringComparison.Ordinal);
    }

    /// <summary>A repository whose images/images.yaml is the quick-start manifest, so --image names one of its images.</summary>
    private static TestRepository QuickstartRepository()
    {
        var repository = new TestRepository();
        repository.CopyFromRepository("examples/quickstart");
        repository.Write("images/images.yaml", File.ReadAllText(repository.Combine("examples", "quickstart", "images.yaml")));
        return repository;
    }

    /// <summary>The words after ./build.sh, with what the runner fills in: a dispatch with force, the leg's image, temp paths.</summary>
    private static string[] Words(string line, TestRepository repository)
    {
        var concrete = ForceExpression().Replace(line, "$1")
            .Replace("${LEG_IMAGE}", LegImage, StringComparison.Ordinal)
            .Replace("${plan}", repository.Combine("plan.json"), StringComparison.Ordinal)
            .Replace("${RUNNER_TEMP}", repository.Combine("runner-temp"), StringComparison.Ordinal);
        Assert.DoesNotContain("${", concrete, StringComparison.Ordinal);
        return [.. concrete.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(word => word.Trim('"'))];
    }

    [GeneratedRegex(@"\$\{\{ inputs\.force == true && '([^']+)' \|\| '' \}\}")]
    private static partial Regex ForceExpression();

    /// <summary>What follows the command in its script line: the plan step's status capture, the compile step's redirect.</summary>
    [GeneratedRegex(@" (\|\| status=\$\?|> /dev/null)$")]
    private static partial Regex Trailer();
}
