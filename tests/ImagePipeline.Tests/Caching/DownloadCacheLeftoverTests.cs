using ImagePipeline.Caching;
using ImagePipeline.Testing;
using Serilog.Core;

namespace ImagePipeline.Tests.Caching;

/// <summary>Temp files of dead runs go at a run's first cache use, also when that run admits nothing; a live writer's stays.</summary>
public sealed class DownloadCacheLeftoverTests : IDisposable
{
    private readonly TempDirectory _temp = new("cache-leftovers");

    public void Dispose() => _temp.Dispose();

    private string Cache => _temp.Combine("cache");

    [Fact]
    public void Find_DeadRunsTempFiles_AreRemovedAndALiveOneIsKept()
    {
        var digest = TestImages.Sha256Of("entry");
        var entry = Write(Path.Combine("sha256", digest.Hex), "entry");
        var dead = Write(Path.Combine("sha256", DownloadCache.TempPrefix + "dead"), "partial");
        var deadElsewhere = Write(Path.Combine("sha512", DownloadCache.TempPrefix + "dead2"), "partial");
        var live = Write(Path.Combine("sha256", DownloadCache.TempPrefix + "live"), "partial");
        using var writer = new FileStream(live, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var found = new DownloadCache(Cache, Logger.None).Find(digest);

        Assert.Equal(entry, found);
        Assert.False(File.Exists(dead));
        Assert.False(File.Exists(deadElsewhere));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(entry));
    }

    [Fact]
    public void BeginEntry_DisabledCache_StillRemovesDeadTempFiles()
    {
        var dead = Write(Path.Combine("sha256", DownloadCache.TempPrefix + "dead"), "partial");

        Assert.Null(new DownloadCache(Cache, Logger.None, maxSize: 0).BeginEntry("x", TestImages.Sha256Of("x")));

        Assert.False(File.Exists(dead));
    }

    private string Write(string relative, string content)
    {
        var path = Path.Combine(Cache, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
