using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ImagePipeline.Build.Output;

/// <summary>
/// The writer the engine's log text goes to while the live display runs. Each complete line is queued, and the display's
/// own thread writes the queue through the display's console (<see cref="WriteQueued"/>): its live region then moves the
/// cursor to the region's top, this erases from there down and writes the lines verbatim (the terminal wraps them), and
/// the region is drawn again below. Only one thread may write while the region lives: Spectre's live display takes its
/// context lock and the console's lock in opposite orders for a refresh and for another write, so a log line written
/// from a worker during a refresh deadlocks both. Lines written straight to stderr instead would land inside the region
/// and be overwritten by its next frame. After <see cref="EndRegion"/>, lines are written at once.
/// </summary>
internal sealed class AboveLiveRegion(IAnsiConsole console) : TextWriter
{
    /// <summary>ED 0: erase from the cursor to the end of the screen.</summary>
    private const string EraseBelow = "\u001b[J";

    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _queued = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Lock _gate = new();
    private bool _closed;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Append(value.ToString(), value == '\n');

    public override void Write(string? value) => Append(value, value?.Contains('\n', StringComparison.Ordinal) == true);

    public override void WriteLine(string? value) => Append(value + "\n", complete: true);

    /// <summary>Hands on the complete lines received so far; a partial line waits for its end.</summary>
    public override void Flush() => Append(null, complete: true);

    // Under the gate: the engine writes one event at a time, but restoring the terminal flushes from another thread.
    private void Append(string? value, bool complete)
    {
        lock (_gate)
        {
            _pending.Append(value);
            if (!complete)
            {
                return;
            }

            var text = _pending.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
            var end = text.LastIndexOf('\n');
            if (end < 0)
            {
                return;
            }

            _pending.Clear().Append(text[(end + 1)..]);
            if (_closed)
            {
                WriteVerbatim(text[..(end + 1)]);
                return;
            }

            _queued.Append(text, 0, end + 1);
            if (_arrived.CurrentCount == 0)
            {
                _arrived.Release();
            }
        }
    }

    /// <summary>Completes when a line is queued or <paramref name="timeout"/> has passed, whichever comes first.</summary>
    public Task WaitForLinesAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _arrived.WaitAsync(timeout, cancellationToken);

    /// <summary>Writes the queued lines above the region; called by the display's thread only, between its frames.</summary>
    public void WriteQueued()
    {
        string text;
        lock (_gate)
        {
            text = _queued.ToString();
            _queued.Clear();
        }

        if (text.Length > 0)
        {
            WriteVerbatim(text);
        }
    }

    /// <summary>The region is gone: writes what is still queued, and every later line at once.</summary>
    public void EndRegion()
    {
        lock (_gate)
        {
            _closed = true;
            WriteVerbatim(_queued.ToString());
            _queued.Clear();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _arrived.Dispose();
        }

        base.Dispose(disposing);
    }

    private void WriteVerbatim(string text)
    {
        if (text.Length > 0)
        {
            console.Write(new Verbatim(EraseBelow + text));
        }
    }

    /// <summary>Text that Spectre writes as it is: no markup, no wrapping, no styles.</summary>
    private sealed class Verbatim(string text) : Renderable
    {
        protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => [Segment.Control(text)];
    }
}
