using System.Diagnostics;
using ImagePipeline.Compression;
using ImagePipeline.Sources;
using ImagePipeline.Sources.Acquisition;
using ImagePipeline.Sources.Http;
using ImagePipeline.IO;
using ImagePipeline.Testing;
using Serilog.Core;

namespace ImagePipeline.Tests.Sources;

public sealed class HttpSourceTests(HttpsServerFixture fixture, SampleFiles samples)
    : IClassFixture<HttpsServerFixture>, IClassFixture<SampleFiles>, IDisposable
{
    private readonly TempDirectory _work = new("acquire-work");

    private HttpsTestServer Server => fixture.Server;

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Acquire_XzSource_WritesDecompressedOutputWithBothDigests()
    {
        var compressed = await File.ReadAllBytesAsync(samples.XzPath);
        var url = Serve("/happy.raw.xz", new TestRoute { Content = compressed });
        var image = TestImages.Http("happy", url, TestImages.Sha256(compressed), CompressionFormat.Xz, TestImages.Sha256(samples.Raw));

        var acquired = await AcquireAsync(image);

        Assert.Equal(TestImages.Sha256(compressed), acquired.SourceDigest);
        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.OutputDigest);
        Assert.Equal(samples.Raw.Length, acquired.Size);
        Assert.Equal(samples.Raw, await File.ReadAllBytesAsync(acquired.Path));
        Assert.Single(Directory.GetFiles(_work.Path));
    }

    [Fact]
    public async Task Acquire_TruncatedBody_ResumesWithRangeAndDigestsAreRight()
    {
        var compressed = await File.ReadAllBytesAsync(samples.ZstdPath);
        var route = new TestRoute { Content = compressed, TruncateAfter = 300_000 };
        var image = TestImages.Http("truncated", Serve("/truncated.zst", route), TestImages.Sha256(compressed), CompressionFormat.Zstd, TestImages.Sha256(samples.Raw));

        var acquired = await AcquireAsync(image);

        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.OutputDigest);
        Assert.Equal(TestImages.Sha256(compressed), acquired.SourceDigest);
        Assert.Equal(2, route.RequestCount);
        var resumed = route.Requests[1];
        Assert.StartsWith("bytes=", resumed.Range, StringComparison.Ordinal);
        Assert.NotEqual("bytes=0-", resumed.Range);
        Assert.Equal("\"v1\"", resumed.IfRange);
    }

    [Fact]
    public async Task Acquire_ConnectionResetMidBody_RetriesAndDigestIsRight()
    {
        var route = new TestRoute { Content = samples.Raw, ResetAfter = 500_000 };
        var image = TestImages.Http("reset", Serve("/reset.raw", route), TestImages.Sha256(samples.Raw));

        var acquired = await AcquireAsync(image);

        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.SourceDigest);
        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.OutputDigest);
        Assert.Equal(2, route.RequestCount);
    }

    [Fact]
    public async Task Acquire_ServerErrorThenSuccess_Retries()
    {
        var route = new TestRoute { Content = samples.Raw, FailuresBeforeSuccess = 2, FailureStatus = 500 };
        var image = TestImages.Http("flaky", Serve("/flaky.raw", route), TestImages.Sha256(samples.Raw));

        var acquired = await AcquireAsync(image);

        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.SourceDigest);
        Assert.Equal(3, route.RequestCount);
    }

    [Fact]
    public async Task Acquire_TooManyRequestsWithRetryAfter_WaitsAsTold()
    {
        var route = new TestRoute { Content = samples.Raw, FailuresBeforeSuccess = 1, FailureStatus = 429, RetryAfterSeconds = 1 };
        var image = TestImages.Http("throttled", Serve("/throttled.raw", route), TestImages.Sha256(samples.Raw));
        var clock = Stopwatch.StartNew();

        var acquired = await AcquireAsync(image);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.Elapsed}, before Retry-After");
        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.SourceDigest);
        Assert.Equal(2, route.RequestCount);
    }

    [Fact]
    public async Task Acquire_StalledServer_RetriedAfterTheLowSpeedWindow()
    {
        var route = new TestRoute { Content = samples.Raw, StallAfter = 200_000, StallDuration = TimeSpan.FromSeconds(20) };
        var image = TestImages.Http("stalled", Serve("/stalled.raw", route), TestImages.Sha256(samples.Raw));
        using var handler = new TestAcquirer(_work.Path, FastOptions.Create() with { LowSpeed = new LowSpeedLimit(1024, TimeSpan.FromMilliseconds(500)) }, Server.TrustingEnvironment);
        var clock = Stopwatch.StartNew();

        var acquired = await handler.AcquireAsync(image, CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the stall timeout did not cut the stalled response");
        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.SourceDigest);
        Assert.Equal(2, route.RequestCount);
        Assert.NotNull(route.Requests[1].Range);
    }

    [Fact]
    public async Task Acquire_TricklingServer_IsCutByTheLowSpeedLimitAndResumed()
    {
        // One byte every 200 ms never leaves the connection silent for long, but is far below 1 KiB/s.
        var route = new TestRoute { Content = samples.Raw, TrickleAfter = 200_000, TrickleInterval = TimeSpan.FromMilliseconds(200) };
        var image = TestImages.Http("trickle", Serve("/trickle.raw", route), TestImages.Sha256(samples.Raw));
        var sink = CollectingSink.CreateLogger(out var log);
        using var handler = new TestAcquirer(_work.Path,
            FastOptions.Create() with { LowSpeed = new LowSpeedLimit(1024, TimeSpan.FromSeconds(1)) }, Server.TrustingEnvironment, logger: sink);
        var clock = Stopwatch.StartNew();

        var acquired = await handler.AcquireAsync(image, CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.SourceDigest);
        Assert.Equal(2, route.RequestCount);
        Assert.Contains(log.Messages, m => m.Contains("too slow", StringComparison.Ordinal) && m.Contains("retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acquire_RangeUnsupportedAfterDrop_RestartsFromZeroAndDigestsAreRight()
    {
        var compressed = await File.ReadAllBytesAsync(samples.XzPath);
        var route = new TestRoute { Content = compressed, AcceptRanges = false, TruncateAfter = 400_000 };
        var image = TestImages.Http("norange", Serve("/norange.xz", route), TestImages.Sha256(compressed), CompressionFormat.Xz, TestImages.Sha256(samples.Raw));

        var acquired = await AcquireAsync(image);

        Assert.Equal(TestImages.Sha256(compressed), acquired.SourceDigest);
        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.OutputDigest);
        Assert.Equal(samples.Raw, await File.ReadAllBytesAsync(acquired.Path));
        Assert.Equal(2, route.RequestCount);
        Assert.All(route.Requests, r => Assert.Null(r.Range));
    }

    [Fact]
    public async Task Acquire_ChangedETagAfterDrop_RestartsFromZero()
    {
        var route = new TestRoute { Content = samples.Raw, TruncateAfter = 400_000, ETagAfterFirstResponse = "\"v2\"" };
        var url = Serve("/changed.raw", route);
        var image = TestImages.Http("changed", url, TestImages.Sha256(samples.Raw));

        var acquired = await AcquireAsync(image);

        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.SourceDigest);
        Assert.Equal("\"v1\"", route.Requests[1].IfRange);
    }

    [Fact]
    public async Task Acquire_RedirectToHttps_Followed()
    {
        var target = Serve("/target.raw", new TestRoute { Content = samples.Raw });
        var image = TestImages.Http("redirected", Serve("/moved.raw", new TestRoute { RedirectTo = target, RedirectStatus = 301 }), TestImages.Sha256(samples.Raw));

        var acquired = await AcquireAsync(image);

        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.SourceDigest);
    }

    [Fact]
    public async Task Acquire_RedirectToHttp_RefusedWithoutRetry()
    {
        var plain = new Uri($"http://127.0.0.1:{Server.BaseUri.Port}/plain.raw");
        var route = new TestRoute { RedirectTo = plain };
        var image = TestImages.Http("downgrade", Serve("/downgrade.raw", route), TestImages.Sha256(samples.Raw));

        var error = await Assert.ThrowsAsync<InsecureRedirectException>(() => AcquireAsync(image));

        Assert.Contains("non-https", error.Message, StringComparison.Ordinal);
        Assert.Equal(plain, error.Target);
        Assert.False(error.IsRetryable);
        Assert.Equal(1, route.RequestCount);
        Assert.Empty(Directory.GetFiles(_work.Path));
    }

    [Fact]
    public async Task Acquire_SelfSignedCertificateWithoutCa_FailsWithTlsError()
    {
        var route = new TestRoute { Content = samples.Raw };
        var image = TestImages.Http("untrusted", Serve("/untrusted.raw", route), TestImages.Sha256(samples.Raw));
        using var handler = new TestAcquirer(_work.Path, FastOptions.Create(), _ => null);

        var error = await Assert.ThrowsAsync<DownloadException>(() => handler.AcquireAsync(image, CancellationToken.None));

        Assert.False(error.IsRetryable);
        Assert.Contains("SSL_CERT_FILE", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, route.RequestCount);
        Assert.Empty(Directory.GetFiles(_work.Path));
    }

    [Fact]
    public async Task Acquire_SelfSignedCertificateWithSslCertFile_Succeeds()
    {
        var image = TestImages.Http("trusted", Serve("/trusted.raw", new TestRoute { Content = samples.Raw }), TestImages.Sha256(samples.Raw));
        using var handler = new TestAcquirer(_work.Path, FastOptions.Create(), name => name == "SSL_CERT_FILE" ? Server.CertificatePemPath : null);

        var acquired = await handler.AcquireAsync(image, CancellationToken.None);

        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.SourceDigest);
    }

    [Fact]
    public async Task Acquire_PersistentServerError_FailsAfterMaxAttemptsWithLastError()
    {
        var route = new TestRoute { Content = samples.Raw, FailuresBeforeSuccess = 100, FailureStatus = 503 };
        var image = TestImages.Http("down", Serve("/down.raw", route), TestImages.Sha256(samples.Raw));

        var error = await Assert.ThrowsAsync<DownloadException>(() => AcquireAsync(image));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(FastOptions.Create().MaxAttempts, route.RequestCount);
        Assert.Contains("down", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_work.Path));
    }

    [Fact]
    public async Task Acquire_NotFound_FailsWithoutRetry()
    {
        var route = new TestRoute { Status = 404 };
        var image = TestImages.Http("missing", Serve("/missing.raw", route), TestImages.Sha256(samples.Raw));

        var error = await Assert.ThrowsAsync<DownloadException>(() => AcquireAsync(image));

        Assert.Equal(404, error.StatusCode);
        Assert.False(error.IsRetryable);
        Assert.Equal(1, route.RequestCount);
    }

    [Fact]
    public async Task Acquire_CancelledDuringDownload_LeavesNoWorkFiles()
    {
        var compressed = await File.ReadAllBytesAsync(samples.XzPath);
        var route = new TestRoute { Content = compressed, StallAfter = 300_000, StallDuration = TimeSpan.FromSeconds(20) };
        var image = TestImages.Http("cancelled", Serve("/cancelled.xz", route), TestImages.Sha256(compressed), CompressionFormat.Xz, TestImages.Sha256(samples.Raw));
        using var handler = new TestAcquirer(_work.Path, FastOptions.Create() with { LowSpeed = new LowSpeedLimit(1024, TimeSpan.FromSeconds(30)) }, Server.TrustingEnvironment);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handler.AcquireAsync(image, cancel.Token));

        Assert.Empty(Directory.GetFileSystemEntries(_work.Path));
    }

    [Fact]
    public async Task Acquire_OutputOverSizeGuard_FailsAndDeletesOutput()
    {
        var compressed = await File.ReadAllBytesAsync(samples.GzipPath);
        var image = TestImages.Http("bomb", Serve("/bomb.gz", new TestRoute { Content = compressed }), TestImages.Sha256(compressed), CompressionFormat.Gzip, TestImages.Sha256(samples.Raw));
        using var handler = new TestAcquirer(_work.Path, FastOptions.Create() with { MaxImageSize = 1 << 20 }, Server.TrustingEnvironment);

        var error = await Assert.ThrowsAsync<ImageTooLargeException>(() => handler.AcquireAsync(image, CancellationToken.None));

        Assert.Equal(1 << 20, error.Limit);
        Assert.Contains("bomb", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_work.Path));
    }

    private Uri Serve(string path, TestRoute route)
    {
        var unique = "/" + Guid.NewGuid().ToString("N")[..8] + path;
        Server.Map(unique, route);
        return Server.Url(unique);
    }

    private async Task<AcquiredFile> AcquireAsync(ImagePipeline.Manifest.ImageDefinition image)
    {
        using var acquirer = new TestAcquirer(_work.Path, environment: Server.TrustingEnvironment);
        return await acquirer.AcquireAsync(image);
    }
}
