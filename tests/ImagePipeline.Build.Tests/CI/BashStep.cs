using System.Diagnostics;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>
/// Runs a workflow step's <c>run:</c> script as the runner does (<c>bash -e script-file</c>) in a working directory,
/// with the runner's files (<c>GITHUB_OUTPUT</c>, <c>GITHUB_ENV</c>, <c>GITHUB_STEP_SUMMARY</c>) and <c>RUNNER_TEMP</c>.
/// </summary>
internal sealed class BashStep(string directory)
{
    public string RunnerTemp { get; } = CreateDirectory(Path.Combine(directory, "runner-temp"));

    public string OutputFile => Path.Combine(RunnerTemp, "github-output");

    public string SummaryFile => Path.Combine(RunnerTemp, "step-summary.md");

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Step outputs written so far (<c>name=value</c> lines of <c>GITHUB_OUTPUT</c>).</summary>
    public IReadOnlyDictionary<string, string> Outputs => File.Exists(OutputFile)
        ? File.ReadAllLines(OutputFile).Select(line => line.Split('=', 2)).ToDictionary(parts => parts[0], parts => parts[1])
        : new Dictionary<string, string>();

    public string Summary => File.Exists(SummaryFile) ? File.ReadAllText(SummaryFile) : string.Empty;

    public async Task<(int ExitCode, string Output)> RunAsync(string script)
    {
        var file = Path.Combine(RunnerTemp, "step.sh");
        await File.WriteAllTextAsync(file, script);
        var start = new ProcessStartInfo("bash") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(file);
        start.Environment["RUNNER_TEMP"] = RunnerTemp;
        start.Environment["GITHUB_OUTPUT"] = OutputFile;
        start.Environment["GITHUB_ENV"] = Path.Combine(RunnerTemp, "github-env");
        start.Environment["GITHUB_STEP_SUMMARY"] = SummaryFile;
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string CreateDirectory(string path) => Directory.CreateDirectory(path).FullName;
}
