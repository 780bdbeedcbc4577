using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Caching;

/// <summary>
/// Content-addressed store of downloaded source files, <c>&lt;root&gt;/&lt;algorithm&gt;/&lt;hex&gt;</c>,
/// keyed by the verified source digest: a later run, or another image with the same source
/// checksum, reads from here instead of downloading. Only bytes whose digest equals the manifest's
/// checksum are admitted, and entries appear atomically (temp file in the same directory + rename),
/// so a reader never sees a partial entry. Bounded by <see cref="MaxSize"/>: admitting an entry evicts
/// the least recently used ones (a hit refreshes an entry's time). Best effort throughout: nothing the
/// cache does (a full disk, a source larger than the bound) ever fails an image. The first use in a run
/// also removes temp files that dead runs left (a killed download), whether or not this run admits anything.
/// </summary>
public sealed class DownloadCache
{
    /// <summary>10 GiB: two large ISOs, and GitHub's whole per-repository Actions cache.</summary>
    public const long DefaultMaxSize = 10L << 30;

    internal const string TempPrefix = ".tmp-";

    private readonly ILogger _logger;
    private readonly Lock _evictionGate = new();
    private int _swept;

    public DownloadCache(string rootDirectory, ILogger logger, long maxSize = DefaultMaxSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSize);
        RootDirectory = Path.GetFullPath(rootDirectory);
        MaxSize = maxSize;
        _logger = logger;
    }

    public string RootDirectory { get; }

    /// <summary>Total size of the entries the cache keeps at most.</summary>
    public long MaxSize { get; }

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

    /// <summary>The entry's path when the cache holds <paramref name="digest"/>, else null. A hit counts as a use.</summary>
    public string? Find(Checksum digest)
    {
        SweepOnce();
        var path = EntryPath(digest);
        if (!File.Exists(path))
        {
            return null;
        }

        TryTouch(path);
        return path;
    }

    /// <summary>
    /// Starts a copy of a download whose bytes should become the entry for <paramref name="expected"/>.
    /// Returns null (and says why) when it cannot start one.
    /// </summary>
    public CacheEntryWriter? BeginEntry(string imageName, Checksum expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        SweepOnce();
        if (MaxSize == 0)
        {
            return null;
        }

        try
        {
            return new CacheEntryWriter(this, imageName, expected, _logger);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.Warning("{Image}: not caching the download: {Error}; the image is not affected", imageName, e.Message);
            return null;
        }
    }

    /// <summary>A fresh temp file path beside where the entry for <paramref name="digest"/> will go.</summary>
    internal string CreateTempPath(Checksum digest)
    {
        var directory = Path.GetDirectoryName(EntryPath(digest))!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"{TempPrefix}{Guid.NewGuid():N}");
    }

    /// <summary>Moves a complete temp file in as the entry for <paramref name="digest"/>, then evicts down to the bound.</summary>
    internal void Admit(string tempPath, Checksum digest)
    {
        var entry = EntryPath(digest);
        File.Move(tempPath, entry, overwrite: true);
        _logger.Debug("Cached {Digest} at {Path}", digest, entry);
        Evict(keep: entry);
    }

    /// <summary>
    /// Deletes least recently used entries until the total fits <see cref="MaxSize"/>, never
    /// <paramref name="keep"/>; also removes temp files whose writer is gone (a killed run's).
    /// </summary>
    internal void Evict(string? keep = null)
    {
        lock (_evictionGate)
        {
            if (!Directory.Exists(RootDirectory))
            {
                return;
            }

            var files = new DirectoryInfo(RootDirectory).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
            RemoveAbandoned(files);

            var entries = files.Where(f => !f.Name.StartsWith(TempPrefix, StringComparison.Ordinal)).OrderBy(f => f.LastWriteTimeUtc).ToList();
            var total = entries.Sum(f => f.Length);
            foreach (var entry in entries)
            {
                if (total <= MaxSize)
                {
                    break;
                }

                if (entry.FullName == keep)
                {
                    continue;
                }

                if (TryDelete(entry.FullName))
                {
                    total -= entry.Length;
                    _logger.Information("Cache: evicted {Entry} ({Size}), least recently used, to stay within {Max}",
                        Path.GetRelativePath(RootDirectory, entry.FullName), ByteSize.Format(entry.Length), ByteSize.Format(MaxSize));
                }
            }
        }
    }

    /// <summary>Removes dead runs' temp files, once per cache instance (a run), before its first lookup or entry.</summary>
    private void SweepOnce()
    {
        if (Interlocked.Exchange(ref _swept, 1) == 1 || !Directory.Exists(RootDirectory))
        {
            return;
        }

        lock (_evictionGate)
        {
            try
            {
                RemoveAbandoned(new DirectoryInfo(RootDirectory).EnumerateFiles(TempPrefix + "*", SearchOption.AllDirectories).ToList());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _logger.Debug("Cache: could not look for leftover temp files in {Root}: {Error}", RootDirectory, e.Message);
            }
        }
    }

    private void RemoveAbandoned(IEnumerable<FileInfo> files)
    {
        foreach (var temp in files.Where(f => f.Name.StartsWith(TempPrefix, StringComparison.Ordinal)))
        {
            if (TryDeleteAbandoned(temp))
            {
                _logger.Debug("Cache: removed {Temp}, left by a run that died while downloading", temp.FullName);
            }
        }
    }

    internal static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void TryTouch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only cache still serves hits; only eviction order suffers.
        }
    }

    /// <summary>A writer holds its temp file locked (FileShare.None is flock on Unix); a free lock means a dead writer.</summary>
    private static bool TryDeleteAbandoned(FileInfo temp)
    {
        try
        {
            using (new FileStream(temp.FullName, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                temp.Delete();
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still being written, or not ours to delete.
            return false;
        }
    }
}
