using ImagePipeline.Progress;
using Spectre.Console;

namespace ImagePipeline.Build.Output;

/// <summary>
/// The live per-image display on a terminal: redraws <see cref="ProgressView"/> from the board in place every
/// <c>refresh</c> while the run lives, with the log lines printed above it (<see cref="AboveLiveRegion"/>). Disposing it
/// clears the region and hands the log terminal back (<paramref name="diversion"/>), so what comes next (the result
/// table, the summary) is written below the last log line. Should the process end first (a second signal), the
/// cursor Spectre hid is shown again.
/// </summary>
internal sealed class LiveProgress : IAsyncDisposable
{
    private readonly ProgressBoard _board;
    private readonly IAnsiConsole _console;
    private readonly bool _colour;
    private readonly IDisposable _diversion;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _shown;

    public LiveProgress(ProgressBoard board, IAnsiConsole console, bool colour, IDisposable diversion, TimeSpan? refresh = null)
    {
        _board = board;
        _console = console;
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
        await live.StartAsync(async context =>
        {
            using var timer = new PeriodicTimer(refresh);
            do
            {
                context.UpdateTarget(Frame());
                context.Refresh();
            }
            while (await TickAsync(timer));
        });
    }

    private async Task<bool> TickAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
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
