using System.Collections;

namespace ImagePipeline.Engine;

/// <summary>
/// Everything a build takes from its surroundings, so tests can run builds in-process
/// without touching the real console, environment or current directory.
/// </summary>
public sealed class BuildContext
{
    /// <summary>Data: help, <c>--version</c>, the plan and what targets write to <see cref="BuildBase.Output"/> (stdout).</summary>
    public TextWriter Output { get; init; } = TextWriter.Null;

    /// <summary>Logs, errors and the summary (stderr).</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The root directory is the nearest folder at or above this one holding <c>.nuke/</c>.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Cancels the build cooperatively (SIGINT or SIGTERM in the console path).</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Source of durations; tests freeze it to make summaries deterministic.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Columns of the terminal <see cref="Log"/> writes to; null when it is not a terminal. <c>COLUMNS</c> overrides it.</summary>
    public int? TerminalWidth { get; init; }

    /// <summary>A context on the real console (stdout for data, stderr for logs), environment and current directory.</summary>
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
            Log = Console.Error,
            Environment = environment,
            CancellationToken = cancellationToken,
            TerminalWidth = Console.IsErrorRedirected || Console.WindowWidth <= 0 ? null : Console.WindowWidth,
        };
    }
}
