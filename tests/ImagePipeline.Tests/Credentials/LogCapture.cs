using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ImagePipeline.Tests.Credentials;

/// <summary>A Serilog logger (Verbose) whose rendered events, properties and exceptions are kept for assertions.</summary>
internal sealed class LogCapture : ILogEventSink
{
    private readonly List<string> lines = [];

    public LogCapture()
    {
        Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();
    }

    public ILogger Logger { get; }

    public string Text
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        var line = $"{logEvent.Level} {logEvent.RenderMessage()} {string.Join(' ', logEvent.Properties.Select(p => $"{p.Key}={p.Value}"))} {logEvent.Exception}";
        lock (lines)
        {
            lines.Add(line);
        }
    }
}
