using System.Diagnostics;
using System.Globalization;
using Serilog;

namespace ImagePipeline.Sources;

/// <summary>
/// Progress for CI logs: an INFO line every <c>interval</c> (default 10 s) or each time another
/// 10 % is done, whichever comes first, and one at the end.
/// </summary>
public sealed class LoggingProgressReporter(ILogger logger, TimeSpan? interval = null) : IProgress<AcquireProgress>
{
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Timestamp, int Decile)> _last = [];

    public void Report(AcquireProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var decile = value.Percent is { } percent ? (int)(percent / 10) : -1;
        lock (_gate)
        {
            if (!value.Completed && _last.TryGetValue(value.ImageName, out var last)
                && decile <= last.Decile && Stopwatch.GetElapsedTime(last.Timestamp) < _interval)
            {
                return;
            }

            _last[value.ImageName] = (Stopwatch.GetTimestamp(), decile);
        }

        logger.Information(
            "{Image}: {State} {Done} {Percent} at {Rate}/s, ETA {Eta}",
            value.ImageName,
            value.Completed ? "obtained" : "obtaining",
            FormatBytes(value.BytesRead) + (value.TotalBytes is { } total ? " of " + FormatBytes(total) : string.Empty),
            value.Percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "(size unknown)",
            FormatBytes((long)value.BytesPerSecond),
            value.Completed ? "-" : value.Eta is { } eta ? eta.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "unknown");
    }

    public static string FormatBytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value.ToString(unit == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
