using ImagePipeline.Storage;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Tests.Storage;

public sealed class RetryingImageStoreTests
{
    private static readonly Checksum Digest = Checksum.Parse("sha256:" + new string('0', 64));
    private readonly List<TimeSpan> _delays = [];

    [Fact]
    public async Task Upload_TransientFailuresThenSuccess_RetriesUntilSuccess()
    {
        var inner = new ScriptedImageStore(Transient(), Transient(), null);

        await Retrying(inner).BeginUploadAsync("images/x", Digest, default);

        Assert.Equal(3, inner.Calls);
        Assert.Equal(2, _delays.Count);
    }

    [Fact]
    public async Task Stat_AlwaysTransient_GivesUpAfterMaxAttemptsWithLastError()
    {
        var inner = new ScriptedImageStore(Transient("1"), Transient("2"), Transient("3"), Transient("4"), null);

        var error = await Assert.ThrowsAsync<StoreException>(() => Retrying(inner, maxAttempts: 3).StatAsync("images/x", default));

        Assert.Equal("3", error.Message);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task Delete_PermanentFailure_IsNotRetried()
    {
        var inner = new ScriptedImageStore(new StoreException("access denied", "k", isRetryable: false), null);

        await Assert.ThrowsAsync<StoreException>(() => Retrying(inner).DeleteAsync("images/x", default));

        Assert.Equal(1, inner.Calls);
        Assert.Empty(_delays);
    }

    [Fact]
    public async Task ReadMetadata_NonStoreException_PassesThroughUntouched()
    {
        var inner = new ScriptedImageStore(new InvalidOperationException("bug"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Retrying(inner).ReadMetadataAsync("metadata/x.json", default));

        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task Upload_CancelledWhileWaiting_StopsRetrying()
    {
        var inner = new ScriptedImageStore(Transient(), null);
        using var cancellation = new CancellationTokenSource();
        var store = new RetryingImageStore(inner, new RetryPolicy(new RetryOptions(), Logger.None, (_, ct) =>
        {
            cancellation.Cancel();
            return Task.Delay(TimeSpan.FromSeconds(5), ct);
        }));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.BeginUploadAsync("images/x", Digest, cancellation.Token));

        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task Upload_Retries_BackOffExponentiallyWithinJitterBounds()
    {
        var inner = new ScriptedImageStore(Transient(), Transient(), Transient(), null);
        var options = new RetryOptions { MaxAttempts = 4, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(3) };

        await new RetryingImageStore(inner, new RetryPolicy(options, Logger.None, Record)).BeginUploadAsync("images/x", Digest, default);

        Assert.InRange(_delays[0].TotalSeconds, 0.5, 1.0);
        Assert.InRange(_delays[1].TotalSeconds, 1.0, 2.0);
        Assert.InRange(_delays[2].TotalSeconds, 1.5, 3.0);
    }

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 1.0, 1000)]
    [InlineData(3, 0.0, 2000)]
    [InlineData(10, 1.0, 30_000)]
    public void DelayBefore_RetryAndRandom_IsHalfFixedHalfJitterCapped(int retry, double random, double expectedMs) =>
        Assert.Equal(expectedMs, new RetryOptions().DelayBefore(retry, random).TotalMilliseconds, precision: 3);

    [Fact]
    public async Task List_FailsMidway_ResumesWithoutDuplicates()
    {
        var inner = new ScriptedImageStore
        {
            Listing = [Object("images/a"), Object("images/b"), Object("images/c")],
        };
        inner.ListFailures.Enqueue(2);
        inner.ListFailures.Enqueue(null);

        var keys = new List<string>();
        await foreach (var stored in Retrying(inner).ListAsync("images/", default))
        {
            keys.Add(stored.Key);
        }

        Assert.Equal(["images/a", "images/b", "images/c"], keys);
        Assert.Equal(2, inner.Calls);
    }

    private static StoredObject Object(string key) => new(key, 1, DateTimeOffset.UnixEpoch, null);

    private static StoreException Transient(string message = "503 SlowDown") => new(message, "images/x", isRetryable: true);

    private RetryingImageStore Retrying(ScriptedImageStore inner, int maxAttempts = 4) =>
        new(inner, new RetryPolicy(new RetryOptions { MaxAttempts = maxAttempts }, Logger.None, Record));

    private Task Record(TimeSpan delay, CancellationToken cancellationToken)
    {
        _delays.Add(delay);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task OpenRead_FailsMidwayTwice_ResumesAtTheByteReachedWithoutRepeats()
    {
        var content = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();
        var inner = new ScriptedImageStore(null, new StoreException("busy", "x", isRetryable: true), null, null) { Content = content };
        inner.ReadFailures.Enqueue(3000);
        inner.ReadFailures.Enqueue(500);
        var store = new RetryingImageStore(inner, new RetryPolicy(new RetryOptions { MaxAttempts = 3 }, Serilog.Core.Logger.None, (_, _) => Task.CompletedTask));

        await using var stream = (await store.OpenReadAsync("images/x.raw", 0, default))!;
        using var read = new MemoryStream();
        await stream.CopyToAsync(read, 1024);

        Assert.Equal(content, read.ToArray());
        Assert.Equal([0L, 3000L, 3500L], inner.Opened);
    }
}
