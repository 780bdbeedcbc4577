namespace ImagePipeline.Engine;

/// <summary>The outcome of one target or family member.</summary>
/// <param name="Target">The target (family) name.</param>
/// <param name="Input">The member's input; null for a plain target.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Duration">Time spent in its conditions and actions.</param>
/// <param name="Note">Skip reason, error message, or why it did not run.</param>
/// <param name="Exception">What its action threw, if anything.</param>
public sealed record StepResult(string Target, string? Input, StepStatus Status, TimeSpan Duration, string? Note, Exception? Exception = null)
{
    public string Name => Input is null ? Target : $"{Target}[{Input}]";

    /// <summary>Durations as the summary shows them: <c>m:ss</c>, or <c>h:mm:ss</c> from an hour on.</summary>
    public static string FormatDuration(TimeSpan duration) => duration.ToString(
        duration.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", System.Globalization.CultureInfo.InvariantCulture);
}
