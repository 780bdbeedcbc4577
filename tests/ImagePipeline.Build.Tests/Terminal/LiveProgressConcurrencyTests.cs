using ImagePipeline.Build.Output;
using ImagePipeline.Progress;

namespace ImagePipeline.Build.Tests.Terminal;

/// <summary>
/// Log lines come from any thread while the display redraws. Spectre's live display takes its context lock and the
/// console's lock in opposite orders for a refresh and for another write, so a line written from a worker during a
/// refresh deadlocked the run (seen under a pseudo-terminal about one run in two). The region now queues lines and the
/// display's thread writes them: many writers against a display refreshing every millisecond must finish, and every
/// line must reach the terminal once, in each writer's order.
/// </summary>
public sealed class LiveProgressConcurrencyTests
{
    private const int Writers = 8;
    private const int Lines = 2000;

    [Fact]
    public async Task LinesFromManyThreadsDuringFastRefreshes_AllWritten_NoDeadlock()
    {
        var board = new ProgressBoard();
        board.For("disk-1.0").Enter(ImageStage.Acquiring);
        var output = new StringWriter();
        var terminal = TextWriter.Synchronized(output);
        var console = TerminalConsole.Create(terminal, 100, colour: false);
        var region = new AboveLiveRegion(console);
        var writer = TextWriter.Synchronized(region); // as the engine's log writer: one event at a time
        string Written()
        {
            lock (terminal) // TextWriter.Synchronized's writer locks itself for each write
            {
                return output.ToString();
            }
        }

        var live = new LiveProgress(board, console, region, colour: false, new Restored(), TimeSpan.FromMilliseconds(1));

        while (!Written().Contains("\u001b[?25l", StringComparison.Ordinal)) // the display has started
        {
            await Task.Delay(5);
        }

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < Lines; i++)
            {
                writer.WriteLine($"writer {w} line {i}");
                Thread.SpinWait(i % 7 * 1000); // spread over many frames
            }
        }));
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));
        await live.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        writer.WriteLine("after the display");

        var text = Written();
        for (var w = 0; w < Writers; w++)
        {
            var positions = Enumerable.Range(0, Lines).Select(i => text.IndexOf($"writer {w} line {i}\n", StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.Order(), positions);
        }

        Assert.EndsWith("after the display\n", text, StringComparison.Ordinal);
    }

    private sealed class Restored : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
