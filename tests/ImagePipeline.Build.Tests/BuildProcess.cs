using System.Diagnostics;

namespace ImagePipeline.Build.Tests;

/// <summary>The real build as a child process in a test repository, for tests that kill it or race it.</summary>
internal static class BuildProcess
{
    public static Process Start(TestRepository repo, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "_build.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (name, value) in repo.Environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Runs a bash pipeline in the repository, where <c>$BUILD</c> is the build's command line
    /// (<c>dotnet …/_build.dll</c>, as <c>./build.sh</c> runs it), and returns its exit code and both streams.
    /// </summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> ShellAsync(TestRepository repo, string pipeline)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("set -o pipefail; " + pipeline);
        foreach (var (name, value) in repo.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["BUILD"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "_build.dll")}";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Waits until <paramref name="condition"/> holds while the child runs; fails the test otherwise.</summary>
    public static async Task WaitUntilAsync(Process child, Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !child.HasExited)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail(child.HasExited ? $"the build exited ({child.ExitCode}) before {what}" : $"{what} did not happen within 60 s");
    }
}
