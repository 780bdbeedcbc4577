using System.Diagnostics;
using ImagePipeline.Manifest;
using ImagePipeline.Verification;

namespace ImagePipeline.Pinning;

/// <summary>
/// The manifest as the last commit has it (<c>git show HEAD:&lt;path&gt;</c>), to tell Pin which
/// <c>source.checksum</c> values were pinned for another URL: after an update (name, url and path
/// bumped, the old checksum left in place), the old checksum belongs to the old URL and must be
/// pinned again from the new download, not compared with it. Without git, or for a manifest that is not
/// committed, it knows nothing and Pin behaves as before.
/// </summary>
public sealed class CommittedManifest
{
    private readonly Dictionary<Checksum, Uri> _urlByChecksum;

    private CommittedManifest(Dictionary<Checksum, Uri> urlByChecksum) => _urlByChecksum = urlByChecksum;

    public static CommittedManifest Empty { get; } = new([]);

    /// <summary>Reads the committed version of <paramref name="manifestPath"/>; never throws.</summary>
    public static async Task<CommittedManifest> ReadAsync(string manifestPath, string rootDirectory, CancellationToken cancellationToken)
    {
        var text = await GitShowAsync(rootDirectory, Path.GetRelativePath(rootDirectory, manifestPath).Replace('\\', '/'), cancellationToken);
        if (text is null)
        {
            return Empty;
        }

        try
        {
            var manifest = ManifestLoader.Parse(text, manifestPath, rootDirectory, ManifestLoadOptions.ForPinning);
            var map = new Dictionary<Checksum, Uri>();
            foreach (var source in manifest.Images.Select(i => i.Source).OfType<HttpImageSource>().Where(s => s.Checksum is not null))
            {
                map.TryAdd(source.Checksum!, source.Url);
            }

            return new CommittedManifest(map);
        }
        catch (ManifestException)
        {
            // The committed version was broken: nothing to learn from it.
            return Empty;
        }
    }

    /// <summary>
    /// The URL the last commit pinned <paramref name="source"/>'s checksum for, when that is another URL
    /// (the checksum is stale); null when the checksum is the committed one for this URL, or unknown.
    /// </summary>
    public Uri? StaleFor(HttpImageSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Checksum is { } checksum && _urlByChecksum.TryGetValue(checksum, out var url) && url != source.Url ? url : null;
    }

    private static async Task<string?> GitShowAsync(string rootDirectory, string relativePath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = rootDirectory };
        foreach (var argument in (string[])["show", "HEAD:" + relativePath])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEndAsync(cancellationToken);
            _ = git.StandardError.ReadToEndAsync(cancellationToken);
            await git.WaitForExitAsync(cancellationToken);
            return git.ExitCode == 0 ? await output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
