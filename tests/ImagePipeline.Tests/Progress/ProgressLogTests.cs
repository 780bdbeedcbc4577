using System.Globalization;
using System.Text.Json;
using ImagePipeline.Progress;
using ImagePipeline.Testing;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;

namespace ImagePipeline.Tests.Progress;

/// <summary>The log lines for CI and pipes: readable sizes in the message, the raw numbers as numbers for JSON logs.</summary>
public sealed class ProgressLogTests
{
    [Fact]
    public async Task Sample_ImageBeingAcquired_LogsSizesInTheMessageAndNumbersAsProperties()
    {
        var board = new ProgressBoard();
        var progress = board.For("tiny-disk-1.0");
        progress.Enter(ImageStage.Acquiring);
        progress.SetSourceTotal(4 * 1024 * 1024);
        progress.AddSource(1024 * 1024);
        progress.AddOutput(3 * 1024 * 1024);
        progress.SetUploaded(2 * 1024 * 1024);
        var logger = CollectingSink.CreateLogger(out var sink);
        await using (var log = new ProgressLog(board, logger, sampling: TimeSpan.FromHours(1)))
        {
            log.Sample();
        }

        var line = Assert.Single(sink.Events);
        Assert.StartsWith("tiny-disk-1.0: 1 MiB of 4 MiB 25.0 % at ", Text(line), StringComparison.Ordinal);
        Assert.Contains("3 MiB out, 2 MiB stored, ETA ", Text(line), StringComparison.Ordinal);
        var properties = JsonProperties(line);
        Assert.Equal(1024 * 1024, properties.GetProperty("SourceBytes").GetInt64());
        Assert.Equal(4 * 1024 * 1024, properties.GetProperty("SourceTotal").GetInt64());
        Assert.Equal(25.0, properties.GetProperty("PercentDone").GetDouble());
        Assert.Equal(3 * 1024 * 1024, properties.GetProperty("OutputBytes").GetInt64());
        Assert.Equal(2 * 1024 * 1024, properties.GetProperty("UploadedBytes").GetInt64());
        Assert.Equal(JsonValueKind.Number, properties.GetProperty("BytesPerSecond").ValueKind);
        Assert.Equal(JsonValueKind.Number, properties.GetProperty("EtaSeconds").ValueKind);
    }

    [Fact]
    public async Task Sample_SizeUnknown_SaysSoAndLogsNullForWhatCannotBeKnown()
    {
        var board = new ProgressBoard();
        var progress = board.For("stream-1.0");
        progress.Enter(ImageStage.Acquiring);
        progress.AddSource(1000);
        var logger = CollectingSink.CreateLogger(out var sink);
        await using (var log = new ProgressLog(board, logger, sampling: TimeSpan.FromHours(1)))
        {
            log.Sample();
            log.Sample(); // throttled: nothing new within the interval
        }

        var line = Assert.Single(sink.Events);
        Assert.Contains("(size unknown)", Text(line), StringComparison.Ordinal);
        Assert.EndsWith("ETA unknown", Text(line), StringComparison.Ordinal);
        var properties = JsonProperties(line);
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("SourceTotal").ValueKind);
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("EtaSeconds").ValueKind);
    }

    [Fact]
    public async Task Sample_ImageBeingAudited_SaysReadBackWithoutUploadColumns()
    {
        var board = new ProgressBoard();
        var progress = board.For("tiny-disk-1.0");
        progress.SetSourceTotal(4 * 1024 * 1024);
        progress.Enter(ImageStage.Auditing);
        progress.AddSource(1024 * 1024);
        var logger = CollectingSink.CreateLogger(out var sink);
        await using (var log = new ProgressLog(board, logger, sampling: TimeSpan.FromHours(1)))
        {
            log.Sample();
        }

        var line = Assert.Single(sink.Events);
        Assert.StartsWith("tiny-disk-1.0: read back 1 MiB of 4 MiB 25.0 % at ", Text(line), StringComparison.Ordinal);
        Assert.DoesNotContain(" out,", Text(line), StringComparison.Ordinal);
        Assert.Equal(1024 * 1024, JsonProperties(line).GetProperty("SourceBytes").GetInt64());
    }

    /// <summary>The event's properties as Serilog's JSON formatter writes them.</summary>
    private static JsonElement JsonProperties(LogEvent line)
    {
        using var json = new StringWriter(CultureInfo.InvariantCulture);
        new JsonFormatter().Format(line, json);
        return JsonDocument.Parse(json.ToString()).RootElement.GetProperty("Properties").Clone();
    }

    /// <summary>The message as the engine's text log writes it (strings unquoted).</summary>
    private static string Text(LogEvent line)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        new MessageTemplateTextFormatter("{Message:lj}", CultureInfo.InvariantCulture).Format(line, text);
        return text.ToString();
    }
}
