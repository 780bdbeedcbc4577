using ImagePipeline.Caching;
using ImagePipeline.Testing;
using ImagePipeline.Tests.Sources;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Tests.Caching;

/// <summary>The cache's bound: least recently used entries go first, a source it cannot hold is not copied, dead writers' temp files are removed.</summary>
public sealed class BoundedCacheTests(HttpsServerFixture fixture) : IClassFixture<HttpsServerFixture>, IDisposable
{
    private readonly TempDirectory _temp = new("bounded-cache");

    public void Dispose() => _temp.Dispose();

    private string CacheRoot => _temp.Combine("cache");

    [Fact]
    public async Task Admit_OverTheBound_EvictsTheLeastRecentlyUsedEntry()
    {
        var (a, b, c) = (Bytes(1), Bytes(2), Bytes(3));
        using var acquirer = Acquirer(cacheMaxSize: 250_000);

        await acquirer.AcquireAsync(Image("a", a));
        await acquirer.AcquireAsync(Image("b", b));
        await acquirer.AcquireAsync(Image("a", a)); // a hit: a is now more recent than b
        await acquirer.AcquireAsync(Image("c", c));

        var cache = new DownloadCache(CacheRoot, Logger.None);
        Assert.NotNull(cache.Find(TestImages.Sha256(a)));
        Assert.Null(cache.Find(TestImages.Sha256(b)));
        Assert.NotNull(cache.Find(TestImages.Sha256(c)));
    }

    [Fact]
    public async Task Acquire_SourceLargerThanTheCache_IsDownloadedWithoutACopyAndSaysSo()
    {
        var big = Bytes(4);
        var logger = CollectingSink.CreateLogger(out var log);
        using var acquirer = Acquirer(cacheMaxSize: 50_000, logger);

        var acquired = await acquirer.AcquireAsync(Image("big", big));

        Assert.Equal(TestImages.Sha256(big), acquired.SourceDigest);
        Assert.Single(log.Messages, m => m.Contains("not caching the download", StringComparison.Ordinal) && m.Contains("--cache-max-size", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(CacheRoot, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Evict_TempFileOfADeadWriter_IsRemovedAndALiveOneKept()
    {
        var directory = Directory.CreateDirectory(Path.Combine(CacheRoot, "sha256")).FullName;
        var dead = Path.Combine(directory, ".tmp-dead");
        await File.WriteAllTextAsync(dead, "left by a killed run");
        var live = Path.Combine(directory, ".tmp-live");
        await using var writer = new FileStream(live, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using var acquirer = Acquirer(cacheMaxSize: 1_000_000);

        await acquirer.AcquireAsync(Image("a", Bytes(5)));

        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live));
    }

    private static byte[] Bytes(int seed)
    {
        var bytes = new byte[100_000];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private ImagePipeline.Manifest.ImageDefinition Image(string name, byte[] content)
    {
        var path = "/" + Guid.NewGuid().ToString("N");
        fixture.Server.Map(path, new TestRoute { Content = content });
        return TestImages.Http(name, fixture.Server.Url(path), TestImages.Sha256(content));
    }

    private TestAcquirer Acquirer(long cacheMaxSize, Serilog.ILogger? logger = null) =>
        new(_temp.Combine("work"), environment: fixture.Server.TrustingEnvironment, cacheDirectory: CacheRoot, cacheMaxSize: cacheMaxSize, logger: logger);
}
