using System.Diagnostics;

namespace ImagePipeline.Benchmarks;

/// <summary>Runs competing commands in turn (ours, then each reference) and keeps each one's median.</summary>
internal static class Timing
{
    /// <summary>
    /// Runs every contender <paramref name="runs"/> times, interleaved so that a burst of load from
    /// elsewhere on the machine hits all of them alike; <paramref name="cleanup"/> runs (untimed) after each.
    /// Returns the median wall time in seconds per contender, in the given order.
    /// </summary>
    public static async Task<double[]> MedianSecondsAsync(int runs, Action? cleanup, params Func<Task>[] contenders)
    {
        var samples = contenders.Select(_ => new List<double>()).ToArray();
        for (var run = 0; run < runs; run++)
        {
            for (var i = 0; i < contenders.Length; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await contenders[i]();
                samples[i].Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
                cleanup?.Invoke();
            }
        }

        return [.. samples.Select(Median)];
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
