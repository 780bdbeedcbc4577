using System.Globalization;

namespace ImagePipeline.Benchmarks;

/// <summary>Processor count and load average, printed with the results (the numbers mean little without them).</summary>
internal static class MachineLoad
{
    public static string Describe()
    {
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, load average {load}");
    }
}
