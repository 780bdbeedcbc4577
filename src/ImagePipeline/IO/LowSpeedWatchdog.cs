namespace ImagePipeline.IO;

/// <summary>
/// Cancels <see cref="Token"/> once a transfer fell below its <see cref="LowSpeedLimit"/>: the bytes
/// counted with <see cref="Add"/> over the last window were fewer than the limit allows. Waiting for
/// a response counts as zero bytes, so a request that is accepted but never answered is caught too.
/// Also cancelled by the outer token; <see cref="Fired"/> tells the two apart. A consumer that reads only
/// when it is ready (a download behind a slow decoder) calls <see cref="Resume"/> / <see cref="Suspend"/>
/// around its reads, so time spent not asking for bytes never counts as the far end being slow.
/// </summary>
public sealed class LowSpeedWatchdog : IDisposable
{
    private readonly LowSpeedLimit _limit;
    private readonly CancellationTokenSource _cancellation;
    private readonly ITimer _timer;
    private readonly TimeProvider _time;
    private readonly Queue<(long Timestamp, long Total)> _samples = new();
    private long _total;
    private int _fired;
    private int _suspended;

    public LowSpeedWatchdog(LowSpeedLimit limit, CancellationToken outer, TimeProvider? time = null)
    {
        _limit = limit;
        _time = time ?? TimeProvider.System;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _samples.Enqueue((_time.GetTimestamp(), 0));
        var tick = TimeSpan.FromTicks(Math.Clamp(limit.Window.Ticks / 8, TimeSpan.FromMilliseconds(20).Ticks, TimeSpan.FromSeconds(1).Ticks));
        _timer = _time.CreateTimer(_ => Check(), null, tick, tick);
    }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>True when the watchdog (not the outer token) cancelled.</summary>
    public bool Fired => Volatile.Read(ref _fired) == 1;

    public LowSpeedLimit Limit => _limit;

    public void Add(long bytes) => Interlocked.Add(ref _total, bytes);

    /// <summary>Stops the clock (the consumer is not waiting for bytes); the window starts over on resume.</summary>
    public void Suspend() => Volatile.Write(ref _suspended, 1);

    public void Resume() => Volatile.Write(ref _suspended, 0);

    public void Dispose()
    {
        _timer.Dispose();
        _cancellation.Dispose();
    }

    private void Check()
    {
        var now = _time.GetTimestamp();
        var total = Interlocked.Read(ref _total);
        lock (_samples)
        {
            if (Volatile.Read(ref _suspended) == 1)
            {
                _samples.Clear();
                _samples.Enqueue((now, total));
                return;
            }

            _samples.Enqueue((now, total));
            // Keep the newest sample at least one window old as the reference point.
            while (_samples.Count > 1 && _time.GetElapsedTime(_samples.ElementAt(1).Timestamp, now) >= _limit.Window)
            {
                _samples.Dequeue();
            }

            var (since, then) = _samples.Peek();
            if (_time.GetElapsedTime(since, now) < _limit.Window || total - then >= _limit.BytesPerWindow)
            {
                return;
            }
        }

        if (Interlocked.Exchange(ref _fired, 1) == 0)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Disposed between the check and the cancel: the transfer is over anyway.
            }
        }
    }
}
