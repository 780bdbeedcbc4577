using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ImagePipeline.Build.Output;

/// <summary>
/// The writer the engine's log text goes to while the live display runs: each complete line goes through the display's
/// console, whose live region then moves the cursor to the region's top, this erases from there down and writes the
/// line verbatim (the terminal wraps it), and the region is drawn again below. Lines written straight to stderr instead
/// would land inside the region and be overwritten by its next frame. Calls come one event at a time (the engine's
/// writer is synchronized).
/// </summary>
internal sealed class AboveLiveRegion(IAnsiConsole console) : TextWriter
{
    /// <summary>ED 0: erase from the cursor to the end of the screen.</summary>
    private const string EraseBelow = "\u001b[J";

    private readonly StringBuilder _pending = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        _pending.Append(value);
        if (value == '\n')
        {
            Flush();
        }
    }

    public override void Write(string? value)
    {
        _pending.Append(value);
        if (value?.Contains('\n', StringComparison.Ordinal) == true)
        {
            Flush();
        }
    }

    public override void WriteLine(string? value)
    {
        _pending.Append(value).Append('\n');
        Flush();
    }

    /// <summary>Writes the complete lines received so far; a partial line waits for its end.</summary>
    public override void Flush()
    {
        var text = _pending.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = text.LastIndexOf('\n');
        if (end < 0)
        {
            return;
        }

        _pending.Remove(0, _pending.Length).Append(text[(end + 1)..]);
        console.Write(new Verbatim(EraseBelow + text[..(end + 1)]));
    }

    /// <summary>Text that Spectre writes as it is: no markup, no wrapping, no styles.</summary>
    private sealed class Verbatim(string text) : Renderable
    {
        protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => [Segment.Control(text)];
    }
}
