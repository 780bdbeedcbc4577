using ImagePipeline.IO;

namespace ImagePipeline.Tests.IO;

public sealed class LowSpeedWatchdogTests
{
    private static readonly LowSpeedLimit Limit = new(1000, TimeSpan.FromMilliseconds(400));

    [Fact]
    public async Task NoBytes_FiresAfterTheWindow()
    {
        using var watchdog = new LowSpeedWatchdog(Limit, CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromSeconds(10), watchdog.Token));

        Assert.True(watchdog.Fired);
    }

    [Fact]
    public async Task Trickle_BelowTheLimit_Fires()
    {
        using var watchdog = new LowSpeedWatchdog(Limit, CancellationToken.None);

        for (var i = 0; i < 40 && !watchdog.Fired; i++)
        {
            watchdog.Add(10);
            await Task.Delay(50);
        }

        Assert.True(watchdog.Fired);
    }

    [Fact]
    public async Task SteadyTransferAboveTheLimit_NeverFires()
    {
        using var watchdog = new LowSpeedWatchdog(Limit, CancellationToken.None);

        for (var i = 0; i < 30; i++)
        {
            watchdog.Add(500);
            await Task.Delay(50);
        }

        Assert.False(watchdog.Fired);
        Assert.False(watchdog.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task Suspended_TimeDoesNotCount()
    {
        using var watchdog = new LowSpeedWatchdog(Limit, CancellationToken.None);

        watchdog.Suspend();
        await Task.Delay(1200);

        Assert.False(watchdog.Fired);
        watchdog.Resume();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromSeconds(10), watchdog.Token));
    }

    [Fact]
    public void OuterCancellation_CancelsWithoutFiring()
    {
        using var outer = new CancellationTokenSource();
        using var watchdog = new LowSpeedWatchdog(Limit, outer.Token);

        outer.Cancel();

        Assert.True(watchdog.Token.IsCancellationRequested);
        Assert.False(watchdog.Fired);
    }
}
