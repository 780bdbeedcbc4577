using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ImagePipeline.Engine;

/// <summary>Creates the build's Serilog logger, which writes through <see cref="OutputSink"/>.</summary>
internal static class BuildLogger
{
    /// <summary>The log-context property carrying the running target or member name.</summary>
    public const string TargetProperty = "Target";

    public static Logger Create(TextWriter output, LogFormat format, Verbosity verbosity, bool gitHubActions) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(verbosity switch { Verbosity.Quiet => LogEventLevel.Warning, Verbosity.Verbose => LogEventLevel.Debug, _ => LogEventLevel.Information })
            .Enrich.FromLogContext()
            .WriteTo.Sink(new OutputSink(output, format, gitHubActions))
            .CreateLogger();
}
