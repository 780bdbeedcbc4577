using System.Collections.Concurrent;
using ImagePipeline.Caching;
using ImagePipeline.Engine;
using ImagePipeline.Verification;
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
        var handler = SourceHandlers.First(h => h.CanHandle(image.Source));
        var acquired = await handler.AcquireAsync(image, workDirectory, cancellationToken);
        _acquired[name] = acquired;
    }

    // Parallel members share one set of handlers (and so one HttpClient).
    IReadOnlyList<IImageSourceHandler> SourceHandlers => LazyInitializer.EnsureInitialized(ref _handlers, CreateSourceHandlers);

    IReadOnlyList<IImageSourceHandler>? _handlers;

    IReadOnlyList<IImageSourceHandler> CreateSourceHandlers()
    {
        var options = new AcquireOptions
        {
            MaxImageSize = ParseSize(MaxImageSize, "--max-image-size"),
            CacheDirectory = NoCache ? null : RootedOrNull(CacheDir) ?? DownloadCache.DefaultDirectory(Env),
            Decoder = new Compression.DecoderOptions(Decoder),
        };
        return [new HttpSourceHandler(options, Log, Env), new FileSourceHandler(options, Log), CreatePackerHandler()];
    }

    PackerSourceHandler CreatePackerHandler() => new(Log, new PackerOptions { ExecutablePath = Packer }, Env);

    static long ParseSize(string value, string option) =>
        ByteSize.TryParse(value, out var bytes)
            ? bytes
            : throw new UsageException($"{option}: '{value}' is not a size (expected bytes, or a number with B, KiB, MiB, GiB or TiB)");

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
