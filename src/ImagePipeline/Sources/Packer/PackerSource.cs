using ImagePipeline.Manifest;
using Serilog;

namespace ImagePipeline.Sources.Packer;

/// <summary>
/// <c>type: packer</c>: builds the image with the real packer CLI in the template directory —
/// <c>packer init .</c> when the template declares <c>required_plugins</c>, then
/// <c>packer build -color=false -force .</c> — and opens the artifact for the pipeline. Variables go to
/// Packer only as <c>PKR_VAR_*</c> environment variables; values from <c>${env:…}</c> are masked in every
/// line we log or throw. The artifact is moved into <see cref="PackerOptions.WorkDirectory"/> and digested
/// on the way (the build-time digest); the pipeline then reads that one open file into the store, hashing
/// again as it goes, and Verify compares the two. Disposing the opened source deletes the artifact.
/// Cancellation (or <see cref="PackerOptions.BuildTimeout"/>) stops Packer's whole process group.
/// Packer's temp files go to a private directory (<c>TMPDIR</c>), deleted afterwards.
/// </summary>
public sealed class PackerSource : ISourceReader
{
    private readonly ILogger _logger;
    private readonly PackerOptions _options;
    private readonly Func<string, string?> _environment;

    /// <param name="logger">Receives Packer's output line by line, prefixed with the image name.</param>
    /// <param name="options">Packer path, work directory, grace period, timeout; defaults when null.</param>
    /// <param name="environment">Looks up <c>${env:NAME}</c> references (null = unset); the process environment when null.</param>
    public PackerSource(ILogger logger, PackerOptions? options = null, Func<string, string?>? environment = null)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options = options ?? new PackerOptions();
        _environment = environment ?? Environment.GetEnvironmentVariable;
        Cli = new PackerCli(_options);
    }

    public PackerCli Cli { get; }

    public bool CanRead(ImageSource source) => source is PackerImageSource;

    /// <summary>
    /// What must hold before a build can start, without building: every <c>${env:…}</c> variable is set
    /// and the packer executable answers (unless <see cref="PackerOptions.CheckToolchain"/> is off).
    /// Throws the <see cref="ImagePipelineException"/> that names the problem.
    /// </summary>
    public async Task<string> CheckAsync(ImageDefinition image, bool offline, CancellationToken cancellationToken)
    {
        var source = PackerSourceOf(image);
        if (!_options.CheckToolchain)
        {
            return "packer and its variables not checked (planning only)";
        }

        PackerVariables.Resolve(image.Name, source.Variables, _environment);
        return "packer " + (await Cli.GetVersionAsync(cancellationToken)).Text;
    }

    public async Task<OpenedSource> OpenAsync(ImageDefinition image, CancellationToken cancellationToken)
    {
        var source = PackerSourceOf(image);
        var variables = PackerVariables.Resolve(image.Name, source.Variables, _environment);
        foreach (var secret in variables.Secrets)
        {
            _options.RegisterSecret?.Invoke(secret);
        }

        var version = await Cli.GetVersionAsync(cancellationToken);
        var fingerprint = await PackerFingerprint.ComputeAsync(source, cancellationToken);
        var artifactPath = Path.GetFullPath(Path.Combine(source.FullPath, source.Artifact));
        var workDirectory = Path.GetFullPath(_options.WorkDirectory);
        var targetPath = Path.Combine(workDirectory, $"{image.Name}-{Path.GetFileName(artifactPath)}");
        var log = _logger.ForContext("Image", image.Name);

        string? temporaryDirectory = null;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.BuildTimeout is { } timeout)
        {
            limit.CancelAfter(timeout);
        }

        try
        {
            // A stale artifact from an earlier run must not pass for this build's output.
            DeleteIfExists(artifactPath);
            // Under the system temp folder, not the work directory: Packer puts its plugins' unix
            // sockets here, and their paths must stay under 108 bytes.
            temporaryDirectory = Directory.CreateTempSubdirectory("packer-").FullName;
            var build = new PackerRun(Cli, image.Name, source.FullPath, temporaryDirectory, variables, log, _options.OutputTailLines);
            if (PackerTemplate.DeclaresRequiredPlugins(source.FullPath))
            {
                if (!version.SupportsInit)
                {
                    throw new PackerUnavailableException(_options.ExecutablePath,
                        $"{image.Name}: the template in {source.Path} declares required_plugins, which needs 'packer init' " +
                        $"(Packer 1.7 or newer); this packer is {version.Text}");
                }

                await build.RunAsync("init", ["init", "."], limit.Token);
            }

            await build.RunAsync("build", ["build", "-color=false", "-force", "."], limit.Token);
            if (!File.Exists(artifactPath))
            {
                throw new PackerArtifactMissingException(image.Name, source.Artifact, artifactPath);
            }

            Directory.CreateDirectory(workDirectory);
            var (size, digest) = await ArtifactCollector.MoveAndHashAsync(artifactPath, targetPath, image.ValidationAlgorithm, limit.Token);
            log.Information("[{Image:l}] artifact {Artifact:l}: {Size} bytes, {Digest:l}", image.Name, source.Artifact, size, digest.ToString());
            var stream = Files.FileSource.Open(image.Name, targetPath);
            return new OpenedSource(stream, new OpenedSource.BuildResult(digest, fingerprint, version.Text), () =>
            {
                DeleteQuietly(targetPath);
                return ValueTask.CompletedTask;
            });
        }
        catch (Exception e)
        {
            DeleteQuietly(targetPath);
            DeleteQuietly(artifactPath);
            if (e is OperationCanceledException && limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new PackerTimeoutException(image.Name, _options.BuildTimeout!.Value);
            }

            throw;
        }
        finally
        {
            // Packer's process group is gone by now: nothing writes here any more.
            if (temporaryDirectory is not null)
            {
                DeleteDirectoryQuietly(temporaryDirectory);
            }
        }
    }
    private static PackerImageSource PackerSourceOf(ImageDefinition image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Source as PackerImageSource
            ?? throw new ArgumentException($"{image.Name}: source type '{image.Source.Type}' is not packer", nameof(image));
    }

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static void DeleteDirectoryQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // The build's own outcome matters more than a temp file we could not tidy up.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            DeleteIfExists(path);
        }
        catch (IOException)
        {
            // The original failure matters more than a file we could not tidy up.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
