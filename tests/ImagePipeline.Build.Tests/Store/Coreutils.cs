using System.Diagnostics;

namespace ImagePipeline.Build.Tests.Store;

/// <summary>Runs the real coreutils checkers, as a person on the NAS would: <c>cd /volume1/images &amp;&amp; sha256sum -c SHA256SUMS</c>.</summary>
internal static class Coreutils
{
    /// <returns>The exit code and everything the tool printed.</returns>
    public static async Task<(int ExitCode, string Output)> CheckAsync(string tool, string sumsFile, string workingDirectory)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(sumsFile);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
