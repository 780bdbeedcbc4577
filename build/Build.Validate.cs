using ImagePipeline.Build.Output;
using ImagePipeline.Engine;
using ImagePipeline.Manifest;
using ImagePipeline.Verification;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    /// <summary>Loads the manifest; every error is logged with its location (a GitHub annotation on Actions).</summary>
    ImageManifest LoadManifest(ManifestLoadOptions options)
    {
        try
        {
            return ManifestLoader.Load(ManifestPath, RootDirectory, options with { FileRoots = FileRoot });
        }
        catch (ManifestException e)
        {
            var file = Path.GetRelativePath(RootDirectory, e.FilePath);
            foreach (var error in e.Errors)
            {
                Log.ForContext("File", file).ForContext("Line", error.Line).ForContext("Column", error.Column)
                    .Error("{Error:l}", error.ToString());
            }

            throw new UsageException($"{file} has {e.Errors.Count} error(s); nothing was done");
        }
    }

    async Task ValidateAsync(CancellationToken cancellationToken)
    {
        var manifest = LoadedManifest;
        Log.Information("{Manifest}: {Count} image(s), destination prefix {Prefix}",
            Path.GetRelativePath(RootDirectory, manifest.FilePath), manifest.Images.Count, manifest.DestinationPrefix);
        WarnAboutCredentialsFile();
        try
        {
            await Run.CheckAsync(Offline, cancellationToken);
        }
        finally
        {
            var table = new TextTable("Image", "Type", "Source", "Destination", "Expected", "Check");
            foreach (var job in Run.Jobs)
            {
                var image = job.Image;
                table.Add(image.Name, image.Source.Type, DescribeSource(image.Source), image.ObjectKey,
                    image.ExpectedOutput?.Shortened() ?? "(after build)",
                    job.Failure is { } failure ? "FAILED: " + failure.Message : job.CheckNote ?? "-");
            }

            table.WriteTo(line => Log.Information("{Line:l}", line));
        }
    }

    /// <summary>Validate needs no credentials, but it can tell early that the file Sync will read is unusable or unencrypted.</summary>
    void WarnAboutCredentialsFile()
    {
        if (RootedOrNull(Credentials) is not { } path)
        {
            return;
        }

        if (!File.Exists(path))
        {
            Log.Warning("--credentials {Path:l} does not exist: Sync, List and Prune will fail (see docs/operations.md)", Credentials);
        }
        else if (!File.ReadLines(path).Any(line => line.StartsWith("sops:", StringComparison.Ordinal)))
        {
            Log.Warning("--credentials {Path:l} has no sops block: it is not encrypted; encrypt it with sops before committing it", Credentials);
        }
    }

    static string DescribeSource(ImageSource source) => source switch
    {
        HttpImageSource http => Sources.Http.UrlDisplay.Safe(http.Url),
        FileImageSource file => file.Path,
        PackerImageSource packer => $"{packer.Path} -> {packer.Artifact}",
        _ => source.Type,
    };
}
