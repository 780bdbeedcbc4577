namespace ImagePipeline.Engine.Tests;

/// <summary>A target that waits until it is cancelled (or, stubborn, forever); cleanup writes a marker file.</summary>
public sealed class SignalBuild : BuildBase
{
    [Parameter("File OnFinishedAsync writes, proving cleanup ran", ValueName = "path")]
    public string? Marker { get; private set; }

    [Parameter("Ignore cancellation: only a second signal ends the wait")]
    public bool Stubborn { get; private set; }

    public Target Wait => _ => _.Executes(async ct =>
    {
        Log.Information("Waiting");
        await Task.Delay(Timeout.Infinite, Stubborn ? CancellationToken.None : ct);
    });

    protected override async Task OnFinishedAsync(BuildResult result, CancellationToken cancellationToken)
    {
        // Cleanup that takes a moment and must not see the run's cancelled token.
        await Task.Delay(200, cancellationToken);
        await File.WriteAllTextAsync(Marker!, string.Join(",", result.Steps.Select(s => $"{s.Name}={s.Status}:{s.Note}")), cancellationToken);
    }
}
