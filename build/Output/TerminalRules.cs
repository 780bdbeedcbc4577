using ImagePipeline.Engine;

namespace ImagePipeline.Build.Output;

/// <summary>
/// When the run draws a live display instead of periodic progress lines, and whether it uses colour. The engine says
/// whether stderr is a terminal; the rest is the build's call, made once per run.
/// </summary>
internal static class TerminalRules
{
    /// <summary>
    /// Live on a terminal only: not in CI (<c>CI</c>, <c>GITHUB_ACTIONS</c>), not on <c>TERM=dumb</c>, with text logs at normal or verbose
    /// verbosity, and not while data goes to stdout during the run (<c>--plan-json -</c>), which would write into the display's region.
    /// </summary>
    public static bool IsLive(int? terminalWidth, IReadOnlyDictionary<string, string> environment, LogFormat format, Verbosity verbosity, bool dataOnStdout) =>
        terminalWidth is not null
        && format == LogFormat.Text
        && verbosity != Verbosity.Quiet
        && !dataOnStdout
        && !IsSet(environment, "CI")
        && !IsSet(environment, "GITHUB_ACTIONS")
        && !string.Equals(environment.GetValueOrDefault("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>Colour unless <c>NO_COLOR</c> is set to anything (no-color.org); the display stays live without it.</summary>
    public static bool UsesColour(IReadOnlyDictionary<string, string> environment) => !IsSet(environment, "NO_COLOR");

    private static bool IsSet(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.GetValueOrDefault(name) is { Length: > 0 };
}
