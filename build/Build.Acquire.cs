using System.Collections.Concurrent;
using ImagePipeline.Engine;
using ImagePipeline.Manifest;
using ImagePipeline.Sources;
using ImagePipeline.Sources.Packer;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    readonly ConcurrentDictionary<string, AcquiredImage> _acquired = new(StringComparer.Ordinal);

    string WorkDirectory => Path.Combine(RootDirectory, ".nuke", "temp", "work");

    async Task AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var image = LoadedManifest.Find(name)!;
        var workDirectory = Path.Combine(WorkDirectory, name);
        Directory.CreateDirectory(workDirectory);
        var handler = CreateSourceHandlers().First(h => h.CanHandle(image.Source));
        var acquired = await handler.AcquireAsync(image, workDirectory, cancellationToken);
        _acquired[name] = acquired;
        Log.Information("{Image}: acquired {Size} ({Digest})", name, ByteSize.Format(acquired.Size), acquired.OutputDigest.Abbreviated());
    }

    IEnumerable<IImageSourceHandler> CreateSourceHandlers()
    {
        if (!ByteSize.TryParse(MaxImageSize, out var maxImageSize))
        {
            throw new UsageException($"--max-image-size: '{MaxImageSize}' is not a size (expected bytes or a number with B, KiB, MiB, GiB, TiB)");
        }

        var options = new AcquireOptions
        {
            MaxImageSize = maxImageSize,
            CacheDirectory = NoCache ? null : CacheDir ?? DownloadCache.DefaultDirectory(Env),
        };
        yield return new HttpSourceHandler(CreateHttpClientFactory(), options, Log);
        yield return new FileSourceHandler(options, Log);
        yield return new PackerSourceHandler(Packer, Env, Log);
    }

    HttpClientFactory CreateHttpClientFactory() => new(Env);

    Task VerifyAsync(string name, CancellationToken cancellationToken)
    {
        var image = LoadedManifest.Find(name)!;
        var acquired = _acquired[name];
        try
        {
            Verifier.Verify(image, acquired);
        }
        catch
        {
            DeleteWorkFiles(name);
            throw;
        }

        Log.Information("{Image}: verified {Digest}", name, acquired.OutputDigest);
        return Task.CompletedTask;
    }

    void DeleteWorkFiles(string name)
    {
        _acquired.TryRemove(name, out _);
        var directory = Path.Combine(WorkDirectory, name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
