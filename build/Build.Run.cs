using ImagePipeline.Caching;
using ImagePipeline.Engine;
using ImagePipeline.IO;
using ImagePipeline.Manifest;
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

    PublishRun CreateRun()
    {
        RegisterPackerSecrets(SelectedImages);
        return new(
            SelectedImages,
            OpenStoreAsync,
            AcquisitionSettings,
            new PublishOptions { Force = Force, DryRun = DryRun, StartedAt = _startedAt, WorkRoot = Path.Combine(RootDirectory, ".nuke", "temp") },
            _board,
            Log,
            ProgressDisplay());
    }

    /// <summary>
    /// Every <c>${env:…}</c> value a packer variable reads is a secret: registered with the engine's masking when the run
    /// starts, before Validate or Diff could print one (the packer source registers them again, with the
    /// <c>${generate:…}</c> values, when it builds). An unset variable is left to Validate to report.
    /// </summary>
    void RegisterPackerSecrets(IEnumerable<ImageDefinition> images)
    {
        foreach (var image in images)
        {
            if (image.Source is PackerImageSource packer)
            {
                try
                {
                    PackerVariables.Resolve(image.Name, packer.Variables, name => Env(name) is { } value ? Registered(value) : null);
                }
                catch (PackerVariableException)
                {
                }
            }
        }

        string Registered(string value)
        {
            RegisterSecret(value);
            return value;
        }
    }

    AcquisitionSettings AcquisitionSettings => new(
        new AcquireOptions
        {
            MaxImageSize = ParseSize(MaxImageSize, "--max-image-size"),
            LowSpeed = LowSpeed,
            Decoder = new Compression.DecoderOptions(Decoder),
        },
        new PackerOptions { ExecutablePath = Packer, CheckToolchain = !NoPackerCheck, RegisterSecret = RegisterSecret },
        NoCache ? null : RootedOrNull(CacheDir) ?? DownloadCache.DefaultDirectory(Env),
        ParseSize(CacheMaxSize, "--cache-max-size"),
        Env);

    LowSpeedLimit LowSpeed => new(ParseSize(LowSpeedLimit, "--low-speed-limit"), TimeSpan.FromSeconds(LowSpeedTime));

    static long ParseSize(string value, string option) =>
        ByteSize.TryParse(value, out var bytes)
            ? bytes
            : throw new UsageException($"{option}: '{(value.Length > 100 ? value[..100] + "…" : value)}' is not a size (expected bytes, or a number with B, KiB, MiB, GiB or TiB)");

    /// <summary>Size parameters are checked as they are bound (their setters), so a bad one exits 2 before anything runs.</summary>
    static string CheckedSize(string value, string option)
    {
        ParseSize(value, option);
        return value;
    }

    /// <summary>Ends the run: staged uploads that were never committed are aborted, the progress display stops.</summary>
    async Task CloseRunAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
        }
    }
}
