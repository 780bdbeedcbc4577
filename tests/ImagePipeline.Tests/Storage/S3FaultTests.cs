using System.Diagnostics;
using ImagePipeline.IO;
using ImagePipeline.Storage;
using ImagePipeline.Storage.S3;
using ImagePipeline.Testing;
using Serilog.Core;

namespace ImagePipeline.Tests.Storage;

/// <summary>
/// Staged uploads to the real RGW through a <see cref="FaultProxy"/> that fails or stalls chosen requests:
/// a part that fails is resent from memory, a part that gets no answer is cut by the low-speed watchdog
/// (seconds here, not the SDK's 10-minute request timeout) and resent, and a part that never gets through
/// fails the upload in bounded time, leaving nothing behind.
/// </summary>
[Collection(RgwGroup.Name)]
public sealed class S3FaultTests(RgwFixture rgw) : IAsyncLifetime, IDisposable
{
    private static readonly LowSpeedLimit FastWindow = new(1024, TimeSpan.FromSeconds(2));
    private readonly TempDirectory _work = new("s3-faults");
    private RgwBucket _bucket = null!;
    private FaultProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _bucket = await RgwBucket.CreateAsync(rgw);
        _proxy = new FaultProxy(rgw.Endpoint);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _bucket.DisposeAsync();
    }

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Upload_PartAnsweredWithServerError_IsResentAndTheObjectIsWhole()
    {
        _proxy.Inject(IsPart(2), ProxyFault.ServerError);

        var digest = await UploadAsync("images/retried.raw");

        Assert.Equal(2, _proxy.Requests.Count(IsPart(2)));
        Assert.Equal(digest, await HashAsync("images/retried.raw"));
    }

    [Fact]
    public async Task Upload_PartThatGetsNoAnswer_IsCutWithinTheWindowAndResent()
    {
        _proxy.Inject(IsPart(1), ProxyFault.Stall);
        var clock = Stopwatch.StartNew();

        var digest = await UploadAsync("images/stalled.raw");

        Assert.InRange(clock.Elapsed, FastWindow.Window, TimeSpan.FromSeconds(30));
        Assert.Equal(2, _proxy.Requests.Count(IsPart(1)));
        Assert.Equal(digest, await HashAsync("images/stalled.raw"));
    }

    [Fact]
    public async Task Upload_PartThatNeverGetsThrough_FailsInBoundedTimeAndLeavesNothing()
    {
        _proxy.Inject(IsPart(2), ProxyFault.Stall, times: 100);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<StoreException>(() => UploadAsync("images/never.raw"));

        Assert.True(error.IsRetryable);
        Assert.Contains("made no progress", error.Message, StringComparison.Ordinal);
        Assert.Contains("images/never.raw", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"took {clock.Elapsed}");
        Assert.Equal(0, await _bucket.CountIncompleteUploadsAsync());
        Assert.Null(await Store().StatAsync("images/never.raw", default));
    }

    [Fact]
    public async Task Upload_ConnectionResetOnAPart_IsResent()
    {
        _proxy.Inject(IsPart(3), ProxyFault.Reset);

        var digest = await UploadAsync("images/reset.raw");

        Assert.Equal(digest, await HashAsync("images/reset.raw"));
    }

    [Fact]
    public async Task Stat_RequestThatGetsNoAnswer_FailsWithinTheWindow()
    {
        _proxy.Inject(line => line.StartsWith("HEAD ", StringComparison.Ordinal), ProxyFault.Stall);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<StoreException>(() => Store(attempts: 1).StatAsync("images/x.raw", default));

        Assert.True(error.IsRetryable);
        Assert.InRange(clock.Elapsed, FastWindow.Window, TimeSpan.FromSeconds(15));
    }

    [Theory]
    [InlineData(ProxyFault.Stall)]
    [InlineData(ProxyFault.Reset)]
    [InlineData(ProxyFault.ServerError)]
    public async Task OpenRead_ReadThatGetsNoAnswerOrFails_IsRetriedAndReadsEveryByte(ProxyFault fault)
    {
        var digest = await UploadAsync("images/read.raw");
        _proxy.Inject(line => line.StartsWith("GET ", StringComparison.Ordinal) && line.Contains("/images/read.raw", StringComparison.Ordinal), fault);
        using var inner = Store();
        var store = new RetryingImageStore(inner, new RetryPolicy(new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(50) }, Logger.None));

        await using var stream = (await store.OpenReadAsync("images/read.raw", 0, default))!;

        Assert.Equal(digest, await RandomFile.HashAsync(stream));
        Assert.Equal(2, _proxy.Requests.Count(line => line.StartsWith("GET ", StringComparison.Ordinal)));
    }

    private static Func<string, bool> IsPart(int number) =>
        line => line.StartsWith("PUT ", StringComparison.Ordinal) && line.Contains($"partNumber={number}&", StringComparison.Ordinal);

    private S3ImageStore Store(int attempts = 3) => new(
        _bucket.Credentials with { Endpoint = _proxy.Endpoint },
        new S3StoreOptions
        {
            PartSize = S3StoreOptions.MinimumPartSize,
            MaxConcurrentParts = 2,
            LowSpeed = FastWindow,
            PartRetry = new RetryPolicy(new RetryOptions { MaxAttempts = attempts, BaseDelay = TimeSpan.FromMilliseconds(50) }, Logger.None),
        },
        Logger.None);

    /// <summary>Three full parts and a short one, streamed as Acquire streams them.</summary>
    private async Task<ImagePipeline.Verification.Checksum> UploadAsync(string key)
    {
        var path = _work.Combine(Guid.NewGuid().ToString("N"));
        var digest = await RandomFile.WriteAsync(path, (3 * S3StoreOptions.MinimumPartSize) + 1000);
        using var store = Store();
        await using var upload = await store.BeginUploadAsync(key, digest, default);
        await using (var file = File.OpenRead(path))
        {
            var buffer = new byte[1 << 20];
            int read;
            while ((read = await file.ReadAsync(buffer)) > 0)
            {
                await upload.WriteAsync(buffer.AsMemory(0, read), default);
            }
        }

        await upload.CommitAsync(digest, default);
        return digest;
    }

    private async Task<ImagePipeline.Verification.Checksum> HashAsync(string key)
    {
        using var response = await _bucket.Client.GetObjectAsync(_bucket.Name, key);
        return await RandomFile.HashAsync(response.ResponseStream);
    }
}
