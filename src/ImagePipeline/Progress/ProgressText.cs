using System.Globalization;

namespace ImagePipeline.Progress;

/// <summary>How progress reads for people, the same in the log lines and on the live terminal display.</summary>
public static class ProgressText
{
    /// <summary>"12 MiB of 100 MiB", or "12 MiB" when the size is not known.</summary>
    public static string Done(ImageProgressSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return ByteSize.Format(snapshot.SourceBytes) + (snapshot.SourceTotal is { } total ? " of " + ByteSize.Format(total) : string.Empty);
    }

    /// <summary>"12.3 %"; null when the size is not known.</summary>
    public static string? Percent(ImageProgressSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Percent is { } percent ? percent.ToString("0.0", CultureInfo.InvariantCulture) + " %" : null;
    }

    /// <summary>"5 MiB/s".</summary>
    public static string Rate(double bytesPerSecond) => ByteSize.Format((long)bytesPerSecond) + "/s";

    /// <summary>"00:01:23"; null when it cannot be told (size or rate unknown).</summary>
    public static string? Eta(ImageProgressSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Eta is { } eta ? eta.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : null;
    }
}
