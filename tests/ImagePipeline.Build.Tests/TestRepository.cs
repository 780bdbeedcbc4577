using System.Text;
using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests;

/// <summary>
/// A throw-away repository (a folder with <c>.nuke/</c>) to run the real build in, in-process, with an
/// environment of the test's choosing. Files can be copied from the real repository.
/// </summary>
internal sealed class TestRepository : IDisposable
{
    private readonly TempDirectory _directory = new("imagepipeline-repo");

    public TestRepository()
    {
        Directory.CreateDirectory(Combine(".nuke"));
        Environment["HOME"] = Combine("home");
        Environment["XDG_CACHE_HOME"] = Combine("cache");
    }

    public string Root => _directory.Path;

    /// <summary>Environment of the build; starts with no credentials and a private cache.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Columns of the terminal the build's logs go to; null (the default) when they go to no terminal.</summary>
    public int? TerminalWidth { get; set; }

    public string Combine(params string[] parts) => _directory.Combine(parts);

    public string Write(string relativePath, string content)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Write(string relativePath, byte[] content)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Copies a file or folder of the real repository into this one, at the same relative path.</summary>
    public void CopyFromRepository(string relativePath)
    {
        var source = Path.Combine(RepositoryPaths.Root, relativePath);
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Combine(relativePath))!);
            File.Copy(source, Combine(relativePath), overwrite: true);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            CopyFromRepository(Path.GetRelativePath(RepositoryPaths.Root, file));
        }
    }

    public async Task<BuildRun> RunAsync(params string[] args)
    {
        var output = new StringWriter(new StringBuilder());
        var log = new StringWriter(new StringBuilder());
        var context = new BuildContext
        {
            Output = output,
            Log = log,
            Environment = new Dictionary<string, string>(Environment),
            WorkingDirectory = Root,
            TerminalWidth = TerminalWidth,
        };
        var result = await BuildBase.RunAsync(new Build(), args, context);
        return new BuildRun(result, output.ToString(), log.ToString());
    }

    public void Dispose() => _directory.Dispose();
}
