using System.Globalization;

namespace ImagePipeline.Benchmarks;

/// <summary>One line of the results table: our median, the reference's median, their ratio and the goal.</summary>
internal sealed record ResultRow(string Case, string Ours, string Reference, string ReferenceValue, double? Ratio, string Goal, bool? Met)
{
    /// <summary>Wall times; ratio = ours / reference, lower is better.</summary>
    public static ResultRow Time(string name, double ours, string reference, double referenceSeconds, double? maxRatio)
    {
        var ratio = ours / referenceSeconds;
        return new(name, Seconds(ours), reference, Seconds(referenceSeconds), ratio,
            maxRatio is { } max ? F($"≤ {max:0.00}×") : "(info)", maxRatio is { } limit ? ratio <= limit : null);
    }

    /// <summary>Throughput over <paramref name="bytes"/>; ratio = ours / reference, higher is better.</summary>
    public static ResultRow Throughput(string name, long bytes, double ours, string reference, double referenceSeconds, double minRatio)
    {
        var ratio = referenceSeconds / ours;
        return new(name, Rate(bytes, ours), reference, Rate(bytes, referenceSeconds), ratio, F($"≥ {minRatio:0.00}×"), ratio >= minRatio);
    }

    /// <summary>A value with an absolute limit (seconds, megabytes).</summary>
    public static ResultRow Absolute(string name, double value, string unit, double limit, string note = "") =>
        new(name, F($"{value:0.00} {unit}"), note, "", null, F($"≤ {limit:0.##} {unit}"), value <= limit);

    /// <summary>A measurement shown for context only.</summary>
    public static ResultRow Info(string name, string value, string note = "") => new(name, value, note, "", null, "(info)", null);

    public static string Seconds(double seconds) => F($"{seconds:0.00} s");

    private static string Rate(long bytes, double seconds) => F($"{bytes / seconds / 1e6:0} MB/s");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
