using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Caching;

/// <summary>
/// Content-addressed store of downloaded source files, <c>&lt;root&gt;/&lt;algorithm&gt;/&lt;hex&gt;</c>,
/// keyed by the verified source digest: a later run, or another image with the same source
/// checksum, reads from here instead of downloading. Only bytes whose digest equals the manifest's
/// checksum are admitted, and entries appear atomically (temp file in the same directory + rename),
/// so a reader never sees a partial entry. Safe for concurrent writers of the same entry.
/// </summary>
public sealed class DownloadCache(string rootDirectory, ILogger logger)
{
    public string RootDirectory { get; } = Path.GetFullPath(rootDirectory);

    /// <summary><c>$XDG_CACHE_HOME/imagepipeline</c>, else <c>~/.cache/imagepipeline</c>.</summary>
    public static string DefaultDirectory(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var xdg = environment("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg))
        {
            return Path.Combine(xdg, "imagepipeline");
        }

        var home = environment("HOME");
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return Path.Combine(home, ".cache", "imagepipeline");
    }

    public string EntryPath(Checksum digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return Path.Combine(RootDirectory, Checksum.Prefix(digest.Algorithm), digest.Hex);
    }

    /// <summary>The entry's path when the cache holds <paramref name="digest"/>, else null.</summary>
    public string? Find(Checksum digest)
    {
        var path = EntryPath(digest);
        return File.Exists(path) ? path : null;
    }

    /// <summary>A fresh temp file path beside where the entry for <paramref name="digest"/> will go.</summary>
    public string CreateTempPath(Checksum digest)
    {
        var directory = Path.GetDirectoryName(EntryPath(digest))!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".tmp-{Guid.NewGuid():N}");
    }

    /// <summary>
    /// Moves a completely written temp file into the cache when its digest is the expected one;
    /// otherwise deletes it. Returns whether it was admitted.
    /// </summary>
    public bool Admit(string tempPath, Checksum actual, Checksum expected)
    {
        ArgumentNullException.ThrowIfNull(actual);
        if (actual != expected)
        {
            File.Delete(tempPath);
            logger.Debug("Not caching {Actual}: the manifest expects {Expected}", actual, expected);
            return false;
        }

        File.Move(tempPath, EntryPath(actual), overwrite: true);
        logger.Debug("Cached {Digest} at {Path}", actual, EntryPath(actual));
        return true;
    }
}
