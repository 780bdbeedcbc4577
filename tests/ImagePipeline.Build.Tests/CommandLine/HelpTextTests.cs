using System.Text.RegularExpressions;
using ImagePipeline.Engine;

namespace ImagePipeline.Build.Tests.CommandLine;

/// <summary>The real build's help, whole and per target: every parameter row reads as a sentence, no empty default.</summary>
public sealed partial class HelpTextTests : IDisposable
{
    private readonly TestRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    public static TheoryData<string> Targets() => ["Validate", "Diff", "Acquire", "Sync", "List", "Prune", "Pin", "GenerateDocs"];

    [Fact]
    public async Task Help_NoEmptyDefaultOrNotes()
    {
        var run = await _repo.RunAsync("--help");

        Assert.Equal(BuildResult.Success, run.ExitCode);
        AssertNoEmptyNotes(run.Data);
        Assert.Contains("(default: images/images.yaml; env: IMAGEPIPELINE_MANIFEST)", run.Data, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task TargetHelp_NoEmptyDefaultOrNotes(string target)
    {
        var run = await _repo.RunAsync("help", target);

        Assert.Equal(BuildResult.Success, run.ExitCode);
        Assert.StartsWith(target, run.Data, StringComparison.Ordinal);
        AssertNoEmptyNotes(run.Data);
    }

    private static void AssertNoEmptyNotes(string help)
    {
        Assert.DoesNotMatch(EmptyNote(), help);
        Assert.All(help.Split('\n').Where(line => line.TrimStart().StartsWith("--", StringComparison.Ordinal)),
            row => Assert.Matches(@"^\s+--[a-z-]+( <[^>]+>(\.\.\.)?)? {2,}\S", row));
    }

    /// <summary>"default: ;", "default: )", "env: )", "()", "(; …" and the like.</summary>
    [GeneratedRegex(@"(default|env):\s*[;)]|\(\s*[;)]|;\s*\)")]
    private static partial Regex EmptyNote();
}
