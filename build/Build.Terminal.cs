using ImagePipeline.Build.Output;
using ImagePipeline.Progress;
using Spectre.Console;

namespace ImagePipeline.Build;

/// <summary>
/// What the run shows while it works: on a terminal (see <see cref="TerminalRules"/>) a live per-image display with the
/// log lines above it, and the result table drawn for the terminal at the end; elsewhere (CI, pipes, JSON logs)
/// ProgressLog's periodic INFO lines and the table as log lines, with no escape codes.
/// </summary>
internal sealed partial class Build
{
    /// <summary>The console on the log terminal while the run has a live display; null without one.</summary>
    IAnsiConsole? _terminal;

    bool TerminalColour => TerminalRules.UsesColour(EnvironmentVariables);

    /// <summary>Starts the board's consumer for the run: the live display, or null for the default (the log lines).</summary>
    Func<ProgressBoard, IAsyncDisposable>? ProgressDisplay()
    {
        if (!TerminalRules.IsLive(LogTerminalWidth, EnvironmentVariables, LogFormat, Verbosity, dataOnStdout: PlanJson == "-"))
        {
            return null;
        }

        var width = Math.Max(40, LogTerminalWidth!.Value);
        return board =>
        {
            AboveLiveRegion? region = null;
            var diversion = DivertLog(terminal =>
            {
                _terminal = TerminalConsole.Create(terminal, width, TerminalColour);
                return region = new AboveLiveRegion(_terminal);
            });
            return new LiveProgress(board, _terminal!, region!, TerminalColour, diversion);
        };
    }

    /// <summary>The per-image results: drawn on the terminal after the live display, else one log line per row.</summary>
    void WriteResults(IReadOnlyList<ResultRow> rows)
    {
        if (_terminal is not null)
        {
            _terminal.Write(ResultView.Render([.. rows.Select(Masked)], TerminalColour, _terminal.Profile.Width));
            return;
        }

        Log.Information("Images:");
        ResultTable(rows).WriteTo(line => Log.Information("{Line:l}", line));
    }

    /// <summary>The terminal writer masks what passes it; a row is masked whole too, before Spectre cuts it into pieces.</summary>
    ResultRow Masked(ResultRow row) => row with { Reason = Mask(row.Reason), Digest = Mask(row.Digest) };
}
