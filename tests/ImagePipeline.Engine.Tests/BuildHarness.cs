using ImagePipeline.Testing;

namespace ImagePipeline.Engine.Tests;

/// <summary>Runs builds in-process against a temporary root directory (with <c>.nuke/</c>), a private environment and a frozen clock.</summary>
public sealed class BuildHarness : IDisposable
{
    private readonly TempDirectory directory = new("engine");

    public BuildHarness()
    {
        Directory.CreateDirectory(Path.Combine(directory.Path, ".nuke"));
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string Root => directory.Path;

    /// <summary>A folder below the root, to show the root is found by walking up.</summary>
    public string WorkingDirectory => Path.Combine(directory.Path, "sub", "dir");

    public Dictionary<string, string> Environment { get; } = [];

    public void WriteNukeFile(string name, string content) => File.WriteAllText(Path.Combine(Root, ".nuke", name), content);

    public async Task<HarnessRun> RunAsync(BuildBase build, string[] args, CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var log = new StringWriter();
        var context = new BuildContext
        {
            Output = output,
            Log = log,
            Environment = Environment,
            WorkingDirectory = WorkingDirectory,
            CancellationToken = cancellationToken,
            TimeProvider = new FrozenTimeProvider(),
        };
        var result = await BuildBase.RunAsync(build, args, context);
        return new HarnessRun(result, output.ToString(), log.ToString());
    }

    public async Task<HarnessRun> RunAsync(params string[] args) => await RunAsync(new ChainBuild(), args);

    public void Dispose() => directory.Dispose();
}
