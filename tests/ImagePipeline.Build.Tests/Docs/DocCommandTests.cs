using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Docs;

/// <summary>
/// Docs that cannot drift: every <c>./build.sh</c> command of README.md and docs/*.md resolves against the real targets
/// and parameters (run with <c>--plan</c> through the real build: exit 0), every block marked runnable runs as written in
/// a copy of the repository, and every sops command works from the repository root.
/// </summary>
public sealed class DocCommandTests
{
    /// <summary>Words the docs use as placeholders, and what the test puts in their place (and /srv/vendor-images: a folder of the test repository).</summary>
    private static readonly Dictionary<string, string> Placeholders = new(StringComparer.Ordinal)
    {
        ["<name>"] = "talos-1.9.2",
        ["TARGET"] = "Sync",
        ["N"] = "3",
        ["x"] = "talos-1.9.1",
    };

    public static TheoryData<string, string> BuildCommands()
    {
        var data = new TheoryData<string, string>();
        BuildLines().ForEach(found => data.Add(found.Where, found.Command));
        return data;
    }

    public static TheoryData<string> RunnableBlocks() => [.. DocCommands.Blocks().Where(b => b.Runnable).Select(b => b.ToString())];

    [Fact]
    public void Extraction_FindsTheDocumentedCommands()
    {
        var lines = BuildLines().Select(found => found.Command).ToList();

        Assert.Contains("./build.sh Sync --manifest examples/quickstart/images.yaml --store ./.store", lines);
        Assert.Contains("./build.sh Pin", lines);
        Assert.Contains("./build.sh Sync --store /mnt/nas", lines);
        Assert.Contains("./build.sh List --json 2>/dev/null", lines);
        Assert.True(lines.Count >= 30, $"only {lines.Count} ./build.sh commands found");
        Assert.Contains(DocCommands.Blocks(), block => block is { File: "README.md", Runnable: true });
    }

    [Theory]
    [MemberData(nameof(BuildCommands))]
    public async Task BuildCommand_ResolvesAgainstTheRealBuild(string where, string command)
    {
        var run = await PlanAsync(command);

        Assert.True(run.ExitCode == BuildResult.Success, $"{where}: {command}\n{run}");
    }

    [Fact]
    public async Task BuildCommand_Misspelled_FailsTheSameCheck()
    {
        var run = await PlanAsync("./build.sh Sync --manifests examples/quickstart/images.yaml");

        Assert.Equal(BuildResult.UsageError, run.ExitCode);
    }

    [Theory]
    [MemberData(nameof(RunnableBlocks))]
    public async Task RunnableBlock_RunsAsWrittenInACopyOfTheRepository(string block)
    {
        using var repository = DocsRepository.Create();
        foreach (var line in DocCommands.Blocks().Single(b => b.ToString() == block).Lines)
        {
            var (exitCode, stdout, stderr) = await BuildProcess.ShellAsync(repository, line.Replace("./build.sh", "$BUILD", StringComparison.Ordinal));

            Assert.True(exitCode == 0, $"{block}: {line}\nexit {exitCode}\n{stderr}\n{stdout}");
        }
    }

    [Fact]
    public async Task QuickStart_PublishesThenFindsEveryImageUnchanged()
    {
        using var repository = DocsRepository.Create();
        var quickStart = DocCommands.Blocks().First(b => b is { File: "README.md", Runnable: true }).Lines;
        var outputs = new List<(string Stdout, string Stderr)>();
        foreach (var line in quickStart)
        {
            var (_, stdout, stderr) = await BuildProcess.ShellAsync(repository, line.Replace("./build.sh", "$BUILD", StringComparison.Ordinal));
            outputs.Add((stdout, stderr));
        }

        Assert.Contains("3 image(s) published, 0 unchanged", outputs[1].Stderr, StringComparison.Ordinal);
        Assert.Contains("0 image(s) published, 3 unchanged", outputs[2].Stderr, StringComparison.Ordinal);
        Assert.Equal("3", outputs[^1].Stdout.Trim());
    }

    [Fact]
    public void SopsCommands_PassTheConfig_SoTheyWorkFromTheRepositoryRoot()
    {
        var sops = DocCommands.Commands().Where(found => found.Command.StartsWith("sops ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(sops);
        Assert.All(sops, found => Assert.True(found.Command.Contains("--config images/.sops.yaml", StringComparison.Ordinal), $"{found.Where}: {found.Command}"));
    }

    /// <summary>The command's words after ./build.sh, placeholders filled in, through the real build with --plan (help and --version as they are).</summary>
    private static async Task<BuildRun> PlanAsync(string command)
    {
        using var repository = DocsRepository.Create();
        Directory.CreateDirectory(repository.Combine("vendor-images"));
        var words = DocCommands.Words(command).Skip(1)
            .Select(word => word == "/srv/vendor-images" ? repository.Combine("vendor-images") : Placeholders.GetValueOrDefault(word, word))
            .ToArray();
        return await repository.RunAsync(words.Length == 0 || words.Contains("--plan") ? words : [.. words, "--plan"]);
    }

    private static List<(string Where, string Command)> BuildLines() =>
        [.. DocCommands.Commands().Where(found => found.Command.StartsWith("./build.sh", StringComparison.Ordinal)).DistinctBy(found => found.Command)];
}
