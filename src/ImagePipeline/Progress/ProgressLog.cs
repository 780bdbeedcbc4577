using Serilog;

namespace ImagePipeline.Progress;

/// <summary>
/// Progress for logs (CI, pipes): samples the board every second and writes an INFO line per image
/// that is being acquired (or read back by Audit), every <c>interval</c> (default 10 s) or each time another 10 % of its source
/// is done, whichever comes first. Stops with <see cref="DisposeAsync"/>.
/// </summary>
public sealed class ProgressLog : IAsyncDisposable
{
    private readonly ProgressBoard _board;
    private readonly ILogger _logger;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, (TimeSpan Logged, int Decile)> _last = [];
    private readonly Task _loop;

    public ProgressLog(ProgressBoard board, ILogger logger, TimeSpan? interval = null, TimeSpan? sampling = null)
    {
        _board = board;
        _logger = logger;
        _interval = interval ?? TimeSpan.FromSeconds(10);
        // Not in the log context of whatever target created it (Validate): its lines are about every image.
        using (ExecutionContext.SuppressFlow())
        {
            _loop = Task.Run(() => RunAsync(sampling ?? TimeSpan.FromSeconds(1)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    /// <summary>Writes a line for every image whose throttle allows one now.</summary>
    public void Sample()
    {
        foreach (var progress in _board.Images)
        {
            var now = progress.Snapshot();
            if (now.Stage is not (ImageStage.Acquiring or ImageStage.Auditing) || now.SourceBytes == 0)
            {
                continue;
            }

            var decile = now.Percent is { } percent ? (int)(percent / 10) : -1;
            if (_last.TryGetValue(now.ImageName, out var last) && decile <= last.Decile && now.Elapsed - last.Logged < _interval)
            {
                continue;
            }

            _last[now.ImageName] = (now.Elapsed, decile);
            Write(now);
        }
    }

    /// <summary>
    /// One line: the message reads well (sizes with units), and the raw numbers go along as properties, so
    /// <c>--log-format json</c> carries them as numbers (<c>SourceBytes</c>, <c>SourceTotal</c>, <c>PercentDone</c>,
    /// <c>BytesPerSecond</c>, <c>OutputBytes</c>, <c>UploadedBytes</c>, <c>EtaSeconds</c>; null when unknown).
    /// </summary>
    private void Write(ImageProgressSnapshot now)
    {
        var logger = _logger
            .ForContext("SourceBytes", now.SourceBytes)
            .ForContext("SourceTotal", now.SourceTotal)
            .ForContext("PercentDone", now.Percent is { } done ? Math.Round(done, 1) : (double?)null)
            .ForContext("BytesPerSecond", (long)now.SourceRate)
            .ForContext("OutputBytes", now.OutputBytes)
            .ForContext("UploadedBytes", now.UploadedBytes)
            .ForContext("EtaSeconds", now.Eta is { } remaining ? (long)remaining.TotalSeconds : (long?)null);
        if (now.Stage == ImageStage.Auditing)
        {
            logger.Information("{Image}: read back {Done} {Percent} at {Rate}, ETA {Eta}",
                now.ImageName,
                ProgressText.Done(now),
                ProgressText.Percent(now) ?? "(size unknown)",
                ProgressText.Rate(now.SourceRate),
                ProgressText.Eta(now) ?? "unknown");
            return;
        }

        logger.Information("{Image}: {Done} {Percent} at {Rate}, {Output} out, {Uploaded} stored, ETA {Eta}",
            now.ImageName,
            ProgressText.Done(now),
            ProgressText.Percent(now) ?? "(size unknown)",
            ProgressText.Rate(now.SourceRate),
            ByteSize.Format(now.OutputBytes),
            ByteSize.Format(now.UploadedBytes),
            ProgressText.Eta(now) ?? "unknown");
    }

    private async Task RunAsync(TimeSpan sampling)
    {
        using var timer = new PeriodicTimer(sampling);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
