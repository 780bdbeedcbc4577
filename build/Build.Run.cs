using ImagePipeline.Caching;
using ImagePipeline.Engine;
using ImagePipeline.IO;
using ImagePipeline.Progress;
using ImagePipeline.Publishing;
using ImagePipeline.Sources;
using ImagePipeline.Sources.Packer;

namespace ImagePipeline.Build;

/// <summary>The run-scoped publishing component the per-image targets call; all per-image state lives in it.</summary>
internal sealed partial class Build
{
    readonly ProgressBoard _board = new();
    readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;

    PublishRun Run => LazyInitializer.EnsureInitialized(ref _run, CreateRun);

    PublishRun? _run;

    PublishRun CreateRun() =>
        new(
            SelectedImages,
            OpenStoreAsync,
            AcquisitionSettings,
            new PublishOptions { Force = Force, DryRun = DryRun, StartedAt = _startedAt, WorkRoot = Path.Combine(RootDirectory, ".nuke", "temp") },
            _board,
            Log);

    AcquisitionSettings AcquisitionSettings => new(
        new AcquireOptions
        {
            MaxImageSize = ParseSize(MaxImageSize, "--max-image-size"),
            LowSpeed = LowSpeed,
            Decoder = new Compression.DecoderOptions(Decoder),
        },
        new PackerOptions { ExecutablePath = Packer, CheckToolchain = !NoPackerCheck },
        NoCache ? null : RootedOrNull(CacheDir) ?? DownloadCache.DefaultDirectory(Env),
        ParseSize(CacheMaxSize, "--cache-max-size"),
        Env);

    LowSpeedLimit LowSpeed => new(
        ParseSize(LowSpeedLimit, "--low-speed-limit"),
        LowSpeedTime >= 1 ? TimeSpan.FromSeconds(LowSpeedTime) : throw new UsageException($"--low-speed-time must be at least 1 (second), not {LowSpeedTime}."));

    static long ParseSize(string value, string option) =>
        ByteSize.TryParse(value, out var bytes)
            ? bytes
            : throw new UsageException($"{option}: '{value}' is not a size (expected bytes, or a number with B, KiB, MiB, GiB or TiB)");

    /// <summary>Ends the run: staged uploads that were never committed are aborted, progress logging stops.</summary>
    async Task CloseRunAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
        }
    }
}
