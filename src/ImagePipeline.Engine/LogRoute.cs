namespace ImagePipeline.Engine;

/// <summary>
/// Where the engine's log text goes: the log stream (stderr), or, while a live display owns the terminal,
/// the writer that display gave (it prints the text above its region). Sits below the masking writer, so
/// what is diverted is already masked; the display itself draws on <see cref="Terminal"/>, masked too.
/// </summary>
internal sealed class LogRoute : TextWriter
{
    private readonly TextWriter _stream;
    private TextWriter _target;

    public LogRoute(TextWriter stream, SecretRegistry secrets, int? terminalWidth)
    {
        _stream = stream;
        _target = stream;
        Terminal = new MaskingTextWriter(stream, secrets);
        TerminalWidth = terminalWidth;
    }

    /// <summary>Columns of the terminal the stream goes to; null when it is not a terminal.</summary>
    public int? TerminalWidth { get; }

    /// <summary>The log stream itself, secrets masked, for a display to draw on.</summary>
    public TextWriter Terminal { get; }

    public override System.Text.Encoding Encoding => _stream.Encoding;

    /// <summary>Sends the log text to the writer <paramref name="display"/> returns until the returned handle is disposed.</summary>
    public IDisposable Divert(Func<TextWriter, TextWriter> display)
    {
        ArgumentNullException.ThrowIfNull(display);
        var diverted = display(Terminal);
        Volatile.Write(ref _target, diverted);
        return new Restore(this, diverted);
    }

    public override void Write(char value) => Volatile.Read(ref _target).Write(value);

    public override void Write(string? value) => Volatile.Read(ref _target).Write(value);

    public override void WriteLine(string? value) => Volatile.Read(ref _target).WriteLine(value);

    public override void Flush() => Volatile.Read(ref _target).Flush();

    private void Undivert(TextWriter diverted) => Interlocked.CompareExchange(ref _target, _stream, diverted);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Terminal.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class Restore(LogRoute route, TextWriter diverted) : IDisposable
    {
        public void Dispose()
        {
            diverted.Flush();
            route.Undivert(diverted);
        }
    }
}
