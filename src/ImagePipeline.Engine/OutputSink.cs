using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace ImagePipeline.Engine;

/// <summary>
/// Writes each event as one line: <c>HH:mm:ss INF [Target] message</c>, or compact JSON. On GitHub Actions (text
/// format) errors and warnings become <c>::error::</c> and <c>::warning::</c> annotations, located when the event has File/Line/Column properties.
/// </summary>
internal sealed class OutputSink(TextWriter output, LogFormat format, bool gitHubActions) : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter MessageFormatter = new("{Message:lj}", CultureInfo.InvariantCulture);
    private static readonly CompactJsonFormatter JsonFormatter = new CompactJsonFormatter();

    public void Emit(LogEvent logEvent)
    {
        // One Write per event keeps lines whole when steps log in parallel (the output is synchronized).
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        if (format == LogFormat.Json)
        {
            JsonFormatter.Format(logEvent, buffer);
            output.Write(buffer.ToString());
            return;
        }

        var target = Scalar(logEvent, BuildLogger.TargetProperty);
        MessageFormatter.Format(logEvent, buffer);
        var message = (target is null ? string.Empty : $"[{target}] ") + buffer;
        if (gitHubActions && logEvent.Level >= LogEventLevel.Warning)
        {
            var command = logEvent.Level == LogEventLevel.Warning ? "warning" : "error";
            var annotation = WorkflowCommands.Annotation(command, message, Scalar(logEvent, "File"), Scalar(logEvent, "Line"), Scalar(logEvent, "Column"));
            output.WriteLine(logEvent.Exception is null ? annotation : annotation + Environment.NewLine + logEvent.Exception);
            return;
        }

        var line = $"{logEvent.Timestamp.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {Abbreviation(logEvent.Level)} {message}";
        output.WriteLine(logEvent.Exception is null ? line : line + Environment.NewLine + logEvent.Exception);
    }

    private static string? Scalar(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: { } scalar }
            ? Convert.ToString(scalar, CultureInfo.InvariantCulture)
            : null;

    private static string Abbreviation(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "VRB",
        LogEventLevel.Debug => "DBG",
        LogEventLevel.Information => "INF",
        LogEventLevel.Warning => "WRN",
        LogEventLevel.Error => "ERR",
        _ => "FTL",
    };
}
