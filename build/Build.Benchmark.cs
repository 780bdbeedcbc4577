using System.Diagnostics;
using ImagePipeline.Engine;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    [Parameter("Benchmark: arguments for the benchmark program, as name=value words, e.g. \"case=acquire size=256MiB runs=5\" (see docs/benchmarks.md)")]
    readonly string BenchmarkArgs = "";

    /// <summary>
    /// Runs benchmarks/ImagePipeline.Benchmarks in Release as a child process (its table goes straight
    /// to the console); a non-zero exit fails the target.
    /// </summary>
    async Task BenchmarkAsync(CancellationToken cancellationToken)
    {
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(dotnet) { WorkingDirectory = RootDirectory, UseShellExecute = false };
        foreach (var argument in (string[])["run", "-c", "Release", "--project", Path.Combine("benchmarks", "ImagePipeline.Benchmarks"), "--"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in BenchmarkArguments(BenchmarkArgs))
        {
            start.ArgumentList.Add(argument);
        }

        Log.Information("Running {Command} {Arguments}", dotnet, string.Join(' ', start.ArgumentList));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the benchmark exited with code {process.ExitCode}");
        }
    }

    /// <summary>
    /// "case=xz runs=5 strict" → --case xz --runs 5 --strict: our command line takes every "--word"
    /// as one of its own options, so the benchmark's options travel without their dashes.
    /// </summary>
    static IEnumerable<string> BenchmarkArguments(string text)
    {
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = word.Split('=', 2) is [var n, var v] ? (n, v) : (word, null);
            yield return name.StartsWith('-') ? name : "--" + name;
            if (value is not null)
            {
                yield return value;
            }
        }
    }
}
