using System.Diagnostics;

namespace ImagePipeline.Benchmarks;

/// <summary>Runs native reference commands through bash (pipes and redirections as a user writes them).</summary>
internal static class Shell
{
    /// <summary>Runs <paramref name="script"/> with <c>bash -euo pipefail -c</c>; throws with its stderr when it fails.</summary>
    public static async Task<string> RunAsync(string script, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start bash");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{script}` failed with exit code {process.ExitCode}: {await errors}{await output}");
        }

        return await output;
    }

    /// <summary>Single-quotes <paramref name="value"/> for bash.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
