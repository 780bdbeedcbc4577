using ImagePipeline.Caching;
using ImagePipeline.Compression;
using ImagePipeline.Sources;
using ImagePipeline.Testing;
using ImagePipeline.Tests.Sources;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Tests.Caching;

public sealed class DownloadCacheTests(HttpsServerFixture fixture, SampleFiles samples)
    : IClassFixture<HttpsServerFixture>, IClassFixture<SampleFiles>, IDisposable
{
    private readonly TempDirectory _temp = new("cache-test");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Acquire_SecondRunAndOtherImageWithSameSource_HitCacheWithoutRequest()
    {
        var compressed = await File.ReadAllBytesAsync(samples.XzPath);
        var (url, route) = Serve(compressed);
        var first = TestImages.Http("first", url, TestImages.Sha256(compressed), CompressionFormat.Xz, TestImages.Sha256(samples.Raw));
        var other = TestImages.Http("other", fixture.Server.Url("/not-served"), TestImages.Sha256(compressed), CompressionFormat.Xz, TestImages.Sha256(samples.Raw));
        using var handler = CreateHandler();

        await handler.AcquireAsync(first);
        var again = await handler.AcquireAsync(first);
        var otherImage = await handler.AcquireAsync(other);

        Assert.Equal(1, route.RequestCount);
        Assert.Equal(TestImages.Sha256(samples.Raw), again.OutputDigest);
        Assert.Equal(TestImages.Sha256(compressed), otherImage.SourceDigest);
        Assert.Equal(samples.Raw, await File.ReadAllBytesAsync(otherImage.Path));
        var entry = new DownloadCache(_temp.Combine("cache"), Logger.None).Find(TestImages.Sha256(compressed));
        Assert.Equal(compressed, await File.ReadAllBytesAsync(entry!));
    }

    [Fact]
    public async Task Acquire_SourceDigestDiffersFromManifest_NotCached()
    {
        var (url, route) = Serve(samples.Raw);
        var wrong = Checksum.Parse("sha256:" + new string('a', 64));
        using var handler = CreateHandler();

        await handler.AcquireAsync(TestImages.Http("wrong", url, wrong));
        await handler.AcquireAsync(TestImages.Http("wrong", url, wrong));

        Assert.Equal(2, route.RequestCount);
        Assert.Empty(Directory.EnumerateFiles(_temp.Combine("cache"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Acquire_NoSourceChecksum_NeitherReadsNorFillsCache()
    {
        var (url, route) = Serve(samples.Raw);
        var image = TestImages.Unpinned("unpinned", url, algorithm: HashAlgorithmKind.Sha512);
        using var handler = CreateHandler();

        var first = await handler.AcquireAsync(image);
        await handler.AcquireAsync(image);

        Assert.Equal(2, route.RequestCount);
        Assert.Equal(HashAlgorithmKind.Sha512, first.SourceDigest!.Algorithm);
        Assert.False(Directory.Exists(_temp.Combine("cache"))
            && Directory.EnumerateFiles(_temp.Combine("cache"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void DefaultDirectory_XdgCacheHomeSet_UsesIt()
    {
        Assert.Equal("/xdg/imagepipeline", DownloadCache.DefaultDirectory(n => n == "XDG_CACHE_HOME" ? "/xdg" : null));
        Assert.Equal("/home/u/.cache/imagepipeline", DownloadCache.DefaultDirectory(n => n == "HOME" ? "/home/u" : null));
    }

    private (Uri Url, TestRoute Route) Serve(byte[] content)
    {
        var path = "/" + Guid.NewGuid().ToString("N");
        var route = fixture.Server.Map(path, new TestRoute { Content = content });
        return (fixture.Server.Url(path), route);
    }

    private TestAcquirer CreateHandler(long cacheMaxSize = long.MaxValue) =>
        new(_temp.Combine("work"), environment: fixture.Server.TrustingEnvironment, cacheDirectory: _temp.Combine("cache"), cacheMaxSize: cacheMaxSize);
}
