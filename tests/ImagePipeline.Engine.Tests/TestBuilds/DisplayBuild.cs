namespace ImagePipeline.Engine.Tests;

/// <summary>Takes the log terminal for a display while its target runs, as the real build's live progress does.</summary>
public sealed class DisplayBuild : BuildBase
{
    /// <summary>The terminal width the build saw, and what the display was handed and drew.</summary>
    public int? SeenWidth { get; private set; }

    public bool Diverted { get; private set; }

    public Target Show => _ => _.Executes(async ct =>
    {
        SeenWidth = LogTerminalWidth;
        RegisterSecret("hunter22");
        using (DivertLog(terminal =>
        {
            Diverted = true;
            terminal.WriteLine("[display drawn: hunter22]");
            return new BracketingWriter(terminal);
        }))
        {
            Log.Information("while shown: {Secret}", "hunter22");
            await Task.Yield();
        }

        Log.Information("after the display");
        ct.ThrowIfCancellationRequested();
    });

    /// <summary>Marks each line the display was given, so the test sees which lines went through it.</summary>
    private sealed class BracketingWriter(TextWriter terminal) : StringWriter
    {
        public override void WriteLine(string? value) => terminal.WriteLine($"<above the display> {value}");
    }
}
