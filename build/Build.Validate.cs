using ImagePipeline.Engine;
using ImagePipeline.Manifest;
using ImagePipeline.Sources;
using ImagePipeline.Sources.Http;
using ImagePipeline.Build.Output;
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
        var probes = Offline ? null : await ProbeSourcesAsync(cancellationToken);
        var table = new TextTable("Image", "Type", "Source", "Destination", "Expected", "Reachable");
        foreach (var image in SelectedImages)
        {
            table.Add(image.Name, image.Source.Type, DescribeSource(image.Source), image.ObjectKey,
                image.ExpectedOutput is { } expected ? Checksum.Prefix(expected.Algorithm) + ":" + expected.Abbreviated() : "(after build)",
                probes?.GetValueOrDefault(image.Name) is { } probe ? Describe(probe) : image.Source is HttpImageSource ? "not checked (--offline)" : "-");
        }

        table.WriteTo(line => Log.Information("{Line:l}", line));
        var failed = probes?.Where(p => !p.Value.Reachable).ToList() ?? [];
        foreach (var (name, probe) in failed)
        {
            Log.Error("{Image}: source unreachable: {Error}", name, Describe(probe));
        }

        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"{failed.Count} source(s) unreachable: {string.Join(", ", failed.Select(f => f.Key))}");
        }
    }

    async Task<Dictionary<string, SourceProbeResult>> ProbeSourcesAsync(CancellationToken cancellationToken)
    {
        using var client = new SecureHttpClientFactory(Env).CreateClient();
        var probe = new SourceProbe(client);
        var http = SelectedImages.Where(i => i.Source is HttpImageSource).ToList();
        var results = await Task.WhenAll(http.Select(i => probe.ProbeAsync(((HttpImageSource)i.Source).Url, cancellationToken)));
        return http.Zip(results).ToDictionary(p => p.First.Name, p => p.Second);
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

    static string Describe(SourceProbeResult probe) =>
        probe.Reachable
            ? $"{probe.StatusCode} ({probe.Method}){(probe.ContentLength is { } length ? ", " + ByteSize.Format(length) : "")}"
            : probe.Error ?? $"HTTP {probe.StatusCode}";

    static string DescribeSource(ImageSource source) => source switch
    {
        HttpImageSource http => http.Url.ToString(),
        FileImageSource file => file.Path,
        PackerImageSource packer => $"{packer.Path} -> {packer.Artifact}",
        _ => source.Type,
    };
}
