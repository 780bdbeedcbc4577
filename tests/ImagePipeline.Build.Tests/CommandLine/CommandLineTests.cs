using ImagePipeline.Engine;

namespace ImagePipeline.Build.Tests.CommandLine;

/// <summary>The issue's command lines against the real build and the quick-start manifest in a directory store.</summary>
public sealed class CommandLineTests : IDisposable
{
    private const string Manifest = "examples/quickstart/images.yaml";
    private readonly TestRepository _repo = new();

    public CommandLineTests() => _repo.CopyFromRepository("examples/quickstart");

    private string Store => _repo.Combine("store");

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task ImageBeforeTarget_RunsSyncForThatImageOnly()
    {
        var run = await _repo.RunAsync("--image", "tiny-disk-1.0", "Sync", "--manifest", Manifest, "--store", Store);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(Store, "images", "tiny-disk", "1.0", "tiny-disk.img")));
        Assert.False(Directory.Exists(Path.Combine(Store, "images", "tiny-rootfs")));
    }

    [Theory]
    [InlineData("HELP", "1")]
    [InlineData("PLAN", "1")]
    [InlineData("VERSION", "1")]
    [InlineData("SKIP", "Diff")]
    [InlineData("LOG_FORMAT", "json")]
    [InlineData("IMAGEPIPELINE_HELP", "true")]
    public async Task EngineOptionInTheEnvironment_DoesNotStopSync(string name, string value)
    {
        _repo.Environment[name] = value;

        var run = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(StepStatus.Succeeded, run.StatusOf("Upload", "tiny-disk-1.0"));
        Assert.Equal(StepStatus.Succeeded, run.StatusOf("Diff"));
        Assert.Contains(" INF [Diff] Plan against ", run.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Log.Split('\n'), line => line.StartsWith('{'));
        Assert.Empty(run.Data);
    }

    [Fact]
    public async Task PrefixInTheEnvironment_DoesNotChangeList_ButTheRealOneDoes()
    {
        Assert.Equal(0, (await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store)).ExitCode);
        _repo.Environment["PREFIX"] = "/usr";

        var all = await _repo.RunAsync("List", "--store", Store);
        _repo.Environment["IMAGEPIPELINE_PREFIX"] = "images/tiny-disk/";
        var some = await _repo.RunAsync("List", "--store", Store);

        Assert.Contains("images/tiny-rootfs/2.3/tiny-rootfs.raw", all.Data, StringComparison.Ordinal);
        Assert.Contains("images/tiny-disk/1.0/tiny-disk.img", some.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-rootfs", some.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BareTwoWordVariable_SetsTheParameter()
    {
        _repo.Environment["MAX_DELETE"] = "-5";

        var run = await _repo.RunAsync("Prune", "--manifest", Manifest, "--store", Store, "--dry-run");

        Assert.Equal(BuildResult.UsageError, run.ExitCode);
        Assert.Contains("--max-delete must be at least 0, not -5 (environment variable MAX_DELETE)", run.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-delete", "-5", "--max-delete must be at least 0, not -5")]
    [InlineData("--low-speed-time", "0", "--low-speed-time must be at least 1, not 0")]
    [InlineData("--max-image-size", "-1GiB", "--max-image-size: '-1GiB' is not a size")]
    [InlineData("--cache-max-size", "lots", "--cache-max-size: 'lots' is not a size")]
    [InlineData("--low-speed-limit", "fast", "--low-speed-limit: 'fast' is not a size")]
    public async Task BadNumberOrSize_ExitsTwoBeforeAnythingRuns(string option, string value, string message)
    {
        var run = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store, option, value);

        Assert.Equal(BuildResult.UsageError, run.ExitCode);
        Assert.Empty(run.Result.Steps);
        Assert.Contains(message, run.Log, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Store));
    }

    [Fact]
    public async Task ListPrefixOutsideImages_ExitsTwoNamingTheImagesFolder()
    {
        Assert.Equal(0, (await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store)).ExitCode);

        var run = await _repo.RunAsync("List", "--store", Store, "--prefix", "metadata/");

        Assert.Equal(BuildResult.UsageError, run.ExitCode);
        Assert.Contains("--prefix 'metadata/' is not under 'images/': List shows images, which all live there (e.g. --prefix images/talos/).", run.Log, StringComparison.Ordinal);
        Assert.Empty(run.Data);
    }

    [Fact]
    public async Task SkipWithoutNames_RunsOnlySync()
    {
        var run = await _repo.RunAsync("Sync", "--skip", "--manifest", Manifest, "--store", Store, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(StepStatus.Skipped, run.StatusOf("Diff"));
        Assert.Equal(StepStatus.Succeeded, run.StatusOf("Sync"));
    }

    [Theory]
    [InlineData("Validate --manifest=examples/quickstart/images.yaml --offline")]
    [InlineData("--target=Validate --manifest examples/quickstart/images.yaml --offline=true")]
    public async Task EqualsForm_IsAccepted(string args)
    {
        var run = await _repo.RunAsync(args.Split(' '));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(StepStatus.Succeeded, run.StatusOf("Validate"));
    }

    [Fact]
    public async Task OptionsWithoutTarget_ExitTwo()
    {
        var run = await _repo.RunAsync("--image", "tiny-disk-1.0");

        Assert.Equal(BuildResult.UsageError, run.ExitCode);
        Assert.Empty(run.Data);
    }

    [Fact]
    public async Task EveryTarget_DeclaresItsParameters_AndEveryParameterIsUsedBySomeTarget()
    {
        var reference = BuildReference.Generate(new Build(), "R", "c");
        var help = new List<string>();
        foreach (var target in ListedTargets)
        {
            var run = await _repo.RunAsync("help", target);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.DoesNotContain("is not declared", run.Data, StringComparison.Ordinal);
            help.Add(run.Data);
        }

        var options = reference.Split('\n')
            .Where(line => line.StartsWith("| `--", StringComparison.Ordinal) && !line.Contains("(command line only)", StringComparison.Ordinal))
            .Select(line => line.Split('`')[1].Split(' ')[0]);
        Assert.All(options, option => Assert.True(help.Any(text => text.Contains($"  {option} ", StringComparison.Ordinal)), $"no target declares that it uses {option}"));
    }

    private static readonly string[] ListedTargets =
        ["Validate", "Diff", "Acquire", "Verify", "Upload", "WriteMetadata", "WriteCatalog", "Sync", "List", "Prune", "Audit", "Pin", "Benchmark", "GenerateSchemas", "GenerateWorkflows", "CheckWorkflows", "GenerateDocs"];
}
