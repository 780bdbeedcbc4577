using Spectre.Console;

namespace ImagePipeline.Build.Output;

/// <summary>
/// A Spectre console on the log terminal: ANSI cursor control always, colour only when asked, a fixed width, and none
/// of Spectre's own detection (CI, NO_COLOR, TERM: <see cref="TerminalRules"/> decided already, from the run's environment).
/// </summary>
internal static class TerminalConsole
{
    public static IAnsiConsole Create(TextWriter terminal, int width, bool colour)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(terminal),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            EnvironmentVariables = [],
        });
        console.Profile.Width = width;
        return console;
    }
}
