using System.Collections;

namespace ImagePipeline.Engine;

/// <summary>
/// Everything a build takes from its surroundings, so tests can run builds in-process
/// without touching the real console, environment or current directory.
/// </summary>
public sealed class BuildContext
{
    /// <summary>Where help, plan, logs and the summary go.</summary>
    public TextWriter Output { get; init; } = TextWriter.Null;

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The root directory is the nearest folder at or above this one holding <c>.nuke/</c>.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Cancels the build cooperatively (Ctrl-C in the console path).</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Source of durations; tests freeze it to make summaries deterministic.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>A context on the real console, environment and current directory.</summary>
    public static BuildContext FromProcess(CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        return new BuildContext
        {
            Output = Console.Out,
            Environment = environment,
            CancellationToken = cancellationToken,
        };
    }
}
