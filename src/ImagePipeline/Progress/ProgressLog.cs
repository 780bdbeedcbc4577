using System.Globalization;
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
        _loop = RunAsync(sampling ?? TimeSpan.FromSeconds(1));
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
            if (now.Stage == ImageStage.Auditing)
            {
                _logger.Information("{Image}: read back {Done} {Percent} at {Rate}/s, ETA {Eta}",
                    now.ImageName, Done(now), Percent(now), ByteSize.Format((long)now.SourceRate), Eta(now));
                continue;
            }

            _logger.Information("{Image}: {Done} {Percent} at {Rate}/s, {Output} out, {Uploaded} stored, ETA {Eta}",
                now.ImageName,
                Done(now),
                Percent(now),
                ByteSize.Format((long)now.SourceRate),
                ByteSize.Format(now.OutputBytes),
                ByteSize.Format(now.UploadedBytes),
                Eta(now));
        }
    }

    private static string Done(ImageProgressSnapshot now) =>
        ByteSize.Format(now.SourceBytes) + (now.SourceTotal is { } total ? " of " + ByteSize.Format(total) : string.Empty);

    private static string Percent(ImageProgressSnapshot now) =>
        now.Percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "(size unknown)";

    private static string Eta(ImageProgressSnapshot now) =>
        now.Eta is { } eta ? eta.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "unknown";

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
