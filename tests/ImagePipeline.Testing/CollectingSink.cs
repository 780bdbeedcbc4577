using System.Collections.Concurrent;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ImagePipeline.Testing;

/// <summary>A Serilog sink that keeps every event in memory, for asserting on what was logged.</summary>
public sealed class CollectingSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    /// <summary>Every event's rendered message, in order.</summary>
    public IReadOnlyList<string> Messages => [.. _events.Select(e => e.RenderMessage())];

    /// <summary>A logger (all levels) writing into a new sink.</summary>
    public static ILogger CreateLogger(out CollectingSink sink)
    {
        sink = new CollectingSink();
        return new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger();
    }

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}
