using System.Text.RegularExpressions;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Messages;

/// <summary>
/// The domain's messages tell users which option to change (<c>--max-delete</c>, <c>--store</c>) or which
/// target to run (<c>./build.sh Pin</c>). The domain does not know the build, so this binds them: every
/// option and target named in a string of src/ImagePipeline must be one the real build has, so a rename
/// in build/Build.cs fails here instead of leaving advice that no longer works.
/// </summary>
public sealed partial class DomainFlagTests : IDisposable
{
    private readonly TestRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task EveryOptionAndTargetTheDomainNames_ExistsInTheBuild()
    {
        var help = (await _repo.RunAsync("--help")).Output;
        var options = OptionInHelp().Matches(help).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var targets = TargetInHelp().Matches(help).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("--store", options);
        Assert.Contains("Pin", targets);

        var named = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "ImagePipeline"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (File: Path.GetFileName(file), Line: index + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .SelectMany(l => StringLiteral().Matches(l.Text).SelectMany(s => Flag().Matches(s.Value).Select(f => (l.File, l.Line, Name: f.Value))))
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named.Where(n => n.Name.StartsWith("--", StringComparison.Ordinal)), n => Assert.True(options.Contains(n.Name), $"{n.File}:{n.Line} names {n.Name}, which the build does not have"));
        Assert.All(named.Where(n => !n.Name.StartsWith("--", StringComparison.Ordinal)), n =>
            Assert.True(targets.Contains(n.Name["./build.sh ".Length..]), $"{n.File}:{n.Line} names {n.Name}, which is not a target"));
    }

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z0-9-]+|\./build\.sh [A-Z]\w+")]
    private static partial Regex Flag();

    [GeneratedRegex(@"^\s+(?<name>--[a-z][a-z0-9-]+)", RegexOptions.Multiline)]
    private static partial Regex OptionInHelp();

    [GeneratedRegex(@"^\s+(?<name>[A-Z][A-Za-z]+)(?:\[\w+\])?\s", RegexOptions.Multiline)]
    private static partial Regex TargetInHelp();
}
