using System.Diagnostics;
using System.Globalization;

namespace ImagePipeline.Benchmarks;

/// <summary>
/// The <c>child-acquire URL CERT_PEM WORK_DIR</c> sub-command: one Acquire in a process of its own,
/// so its peak resident set (the kernel's VmHWM) is the Acquire's and not the benchmark's (which
/// holds the served file in memory). Prints <c>peak-rss-bytes=… seconds=… cpu-seconds=… size=…</c>
/// (CPU time is the better yardstick on a loaded machine).
/// </summary>
internal static class ChildAcquire
{
    public const string Command = "child-acquire";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var started = Stopwatch.GetTimestamp();
        var acquired = await HttpAcquire.RunAsync(new Uri(args[0]), args[1], args[2], CancellationToken.None);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak-rss-bytes={PeakResidentBytes()} seconds={seconds:0.000} cpu-seconds={Environment.CpuUsage.TotalTime.TotalSeconds:0.000} size={acquired.Size}"));
        return 0;
    }

    /// <summary>Runs this program's child-acquire and returns its peak RSS, wall and CPU seconds.</summary>
    public static async Task<(long PeakBytes, double Seconds, double CpuSeconds)> MeasureAsync(Uri url, string certificatePem, string workDirectory)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("unknown process path");
        var prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? Shell.Quote(typeof(ChildAcquire).Assembly.Location) + " " : "";
        var output = await Shell.RunAsync(
            $"{Shell.Quote(self)} {prefix}{Command} {Shell.Quote(url.ToString())} {Shell.Quote(certificatePem)} {Shell.Quote(workDirectory)}");
        var fields = output.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
        return (long.Parse(fields["peak-rss-bytes"], CultureInfo.InvariantCulture), double.Parse(fields["seconds"], CultureInfo.InvariantCulture),
            double.Parse(fields["cpu-seconds"], CultureInfo.InvariantCulture));
    }

    /// <summary>VmHWM from /proc/self/status: the peak resident set size of this process.</summary>
    private static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kib = line["VmHWM:".Length..].Trim().Split(' ')[0];
        return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
    }
}
