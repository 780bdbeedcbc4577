using ImagePipeline.IO;
using Microsoft.Extensions.Time.Testing;

namespace ImagePipeline.Tests.IO;

/// <summary>The watchdog on a fake clock: the window is judged on simulated time, so a loaded machine cannot change the outcome.</summary>
public sealed class LowSpeedWatchdogTests
{
    private static readonly LowSpeedLimit Limit = new(1000, TimeSpan.FromMilliseconds(400));
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void NoBytes_FiresAfterTheWindowAndNotBefore()
    {
        using var watchdog = new LowSpeedWatchdog(Limit, CancellationToken.None, _time);

        Advance(TimeSpan.FromMilliseconds(350));
        Assert.False(watchdog.Fired);
        Advance(TimeSpan.FromMilliseconds(150));

        Assert.True(watchdog.Fired);
        Assert.True(watchdog.Token.IsCancellationRequested);
    }

    [Fact]
    public void Trickle_BelowTheLimit_Fires()
    {
        using var watchdog = new LowSpeedWatchdog(Limit, CancellationToken.None, _time);

        for (var i = 0; i < 20 && !watchdog.Fired; i++)
        {
            watchdog.Add(10);
            Advance(Step);
        }

        Assert.True(watchdog.Fired);
    }

    [Fact]
    public void SteadyTransferAboveTheLimit_NeverFires()
    {
        using var watchdog = new LowSpeedWatchdog(Limit, CancellationToken.None, _time);

        for (var i = 0; i < 60; i++)
        {
            watchdog.Add(500);
            Advance(Step);
        }

        Assert.False(watchdog.Fired);
        Assert.False(watchdog.Token.IsCancellationRequested);
    }

    [Fact]
    public void Suspended_TimeDoesNotCount()
    {
        using var watchdog = new LowSpeedWatchdog(Limit, CancellationToken.None, _time);

        watchdog.Suspend();
        Advance(TimeSpan.FromSeconds(2));
        Assert.False(watchdog.Fired);
        watchdog.Resume();
        Advance(TimeSpan.FromMilliseconds(600));

        Assert.True(watchdog.Fired);
    }

    [Fact]
    public void OuterCancellation_CancelsWithoutFiring()
    {
        using var outer = new CancellationTokenSource();
        using var watchdog = new LowSpeedWatchdog(Limit, outer.Token, _time);

        outer.Cancel();

        Assert.True(watchdog.Token.IsCancellationRequested);
        Assert.False(watchdog.Fired);
    }

    /// <summary>Moves the fake clock in timer-sized steps, so every tick the watchdog would see is seen.</summary>
    private void Advance(TimeSpan total)
    {
        for (var moved = TimeSpan.Zero; moved < total; moved += TimeSpan.FromMilliseconds(10))
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }
    }
}
