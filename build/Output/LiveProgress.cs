using ImagePipeline.Progress;
using Spectre.Console;

namespace ImagePipeline.Build.Output;

/// <summary>
/// The live per-image display on a terminal: redraws <see cref="ProgressView"/> from the board in place every
/// <c>refresh</c> while the run lives, and writes the log lines above it as they come (<see cref="AboveLiveRegion"/>;
/// every write to the terminal happens on the display's one thread while it lives). Disposing it
/// clears the region and hands the log terminal back (<paramref name="diversion"/>), so what comes next (the result
/// table, the summary) is written below the last log line. Should the process end first (a second signal), the
/// cursor Spectre hid is shown again.
/// </summary>
internal sealed class LiveProgress : IAsyncDisposable
{
    private readonly ProgressBoard _board;
    private readonly IAnsiConsole _console;
    private readonly AboveLiveRegion _region;
    private readonly bool _colour;
    private readonly IDisposable _diversion;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _shown;

    public LiveProgress(ProgressBoard board, IAnsiConsole console, AboveLiveRegion region, bool colour, IDisposable diversion, TimeSpan? refresh = null)
    {
        _board = board;
        _console = console;
        _region = region;
        _colour = colour;
        _diversion = diversion;
        AppDomain.CurrentDomain.ProcessExit += ShowCursor;
        _shown = Task.Run(() => ShowAsync(refresh ?? TimeSpan.FromMilliseconds(250)));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _shown;
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= ShowCursor;
            _diversion.Dispose();
            _stop.Dispose();
        }
    }

    private async Task ShowAsync(TimeSpan refresh)
    {
        var live = new LiveDisplay(_console, Frame())
        {
            AutoClear = true,
            Overflow = VerticalOverflow.Ellipsis,
            Cropping = VerticalOverflowCropping.Bottom,
        };
        try
        {
            await live.StartAsync(async context =>
            {
                do
                {
                    _region.WriteQueued();
                    context.UpdateTarget(Frame());
                    context.Refresh();
                }
                while (await NextFrameAsync(refresh));
            });
        }
        finally
        {
            _region.EndRegion();
        }
    }

    /// <summary>After <paramref name="refresh"/>, or sooner when a log line is waiting; false once stopped.</summary>
    private async Task<bool> NextFrameAsync(TimeSpan refresh)
    {
        try
        {
            await _region.WaitForLinesAsync(refresh, _stop.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private Spectre.Console.Rendering.IRenderable Frame() =>
        ProgressView.Render([.. _board.Images.Select(image => image.Snapshot())], _colour, _console.Profile.Width);

    private void ShowCursor(object? sender, EventArgs e) => _console.Cursor.Show();
}
