using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using ImagePipeline.Metadata;
using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Storage.FileSystem;

/// <summary>
/// An <see cref="IImageStore"/> over a directory (a local disk or a NAS over NFS). A key is a relative
/// path under the root. Every write is staged in the hidden <c>.staging/</c> folder at the root (see
/// <see cref="StagingArea"/>), fsynced and renamed into place, so readers such as Cloud Sync or a PXE
/// server only ever see complete files. Digests live in sidecar files under the hidden
/// <c>.digests/</c> tree (<c>.digests/&lt;key&gt;.digest</c>) because extended attributes do not survive
/// every NFS setup. Names starting with '.' are never listed. Symbolic links (and junctions) inside the
/// store are never followed (<see cref="StorePaths"/>): a listing reports a link as one entry with
/// <see cref="StoredObject.LinkTarget"/> and does not descend into it; keys through a link do not exist
/// for reads and are refused for writes; deleting a link's own key removes the link, never its target.
/// </summary>
public sealed class FileSystemImageStore : IImageStore
{
    private const string DigestTree = ".digests";
    private const string DigestSuffix = ".digest";
    private const string LegacyTempMarker = ".tmp-";

    private readonly ILogger _logger;
    private readonly IProgress<UploadProgress>? _progress;
    private readonly StagingArea _staging;
    private readonly StorePaths _paths;

    public FileSystemImageStore(string root, ILogger logger, IProgress<UploadProgress>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(logger);
        _paths = new StorePaths(root);
        _logger = logger.ForContext<FileSystemImageStore>();
        _progress = progress;
        _staging = new StagingArea(_paths);
    }

    public string Root => _paths.Root;

    public string Description => $"directory {Root}";

    public Task CheckAsync(CancellationToken cancellationToken) => GuardAsync(null, "use the store", () =>
    {
        if (File.Exists(Root))
        {
            throw new StoreException($"The store {Root} is a file, not a directory; pass a directory to --store.", null, isRetryable: false);
        }

        Directory.CreateDirectory(Root);
        var (path, stream) = _staging.Create(".probe");
        stream.Dispose();
        File.Delete(path);
        return Task.CompletedTask;
    });

    public Task<IStagedUpload> BeginUploadAsync(string key, Checksum digest, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        ArgumentNullException.ThrowIfNull(digest);
        return GuardAsync<IStagedUpload>(key, "upload", () =>
        {
            var target = _paths.ResolveForWrite(key, "upload");
            var sidecarKey = SidecarKey(key);
            var sidecar = _paths.ResolveForWrite(sidecarKey, "record the digest of");
            var (path, stream) = _staging.Create(key);
            return Task.FromResult<IStagedUpload>(new FileSystemStagedUpload(
                _staging, path, stream, target, sidecarKey, sidecar, new StagedUploadState(key, digest), _progress));
        });
    }

    public Task<StoredObject?> StatAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        return GuardAsync(key, "stat", () =>
        {
            var path = _paths.Resolve(key);
            return Task.FromResult(path is null ? null : Describe(key, new FileInfo(path)));
        });
    }

    public Task<Stream?> OpenReadAsync(string key, long offset, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return GuardAsync<Stream?>(key, "read", () =>
        {
            var path = _paths.ResolveForRead(key);
            if (path is null || !File.Exists(path))
            {
                return Task.FromResult<Stream?>(null);
            }

            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, useAsync: true);
            file.Seek(offset, SeekOrigin.Begin);
            return Task.FromResult<Stream?>(new GuardedReadStream(file, offset, (e, _) => ReadFault(key, e)));
        });
    }

    public Task<ImageMetadata?> ReadMetadataAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        return GuardAsync<ImageMetadata?>(key, "read metadata", async () =>
        {
            var path = _paths.ResolveForRead(key);
            if (path is null)
            {
                return null;
            }

            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return null;
            }

            await using (stream)
            {
                return await ImageMetadataJson.DeserializeAsync(stream, key, cancellationToken);
            }
        });
    }

    public Task WriteMetadataAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        ArgumentNullException.ThrowIfNull(metadata);
        return GuardAsync(key, "write metadata", async () =>
        {
            var target = _paths.ResolveForWrite(key, "write metadata");
            StagingArea.DeleteIfExists(_paths.ResolveForWrite(SidecarKey(key), "write metadata"));
            await _staging.WriteAtomicallyAsync(key, target, ImageMetadataJson.Serialize(metadata), cancellationToken);
        });
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StoreKey.ValidatePrefix(prefix);
        var keys = await GuardAsync(prefix, "list", () => Task.FromResult(VisibleKeysUnder(prefix)));
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Describe(key, new FileInfo(_paths.PathOf(key))) is { } stored)
            {
                yield return stored;
            }
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        return GuardAsync(key, "delete", () =>
        {
            if (_paths.LinkAbove(key) is { } link)
            {
                // Not an object of this store: deleting through the link would delete whatever it points at.
                _logger.Warning("Not deleting {Key} from {Root}: {Link} is a symbolic link, which the store never follows", key, Root, link);
                return Task.CompletedTask;
            }

            DeleteFileAndEmptyParents(_paths.PathOf(key), Root);
            if (_paths.Resolve(SidecarKey(key)) is { } sidecar)
            {
                DeleteFileAndEmptyParents(sidecar, Root);
            }

            _logger.Debug("Deleted {Key} from {Root}", key, Root);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Removes what killed writers left: staged files whose lock is free, and hidden temp files that
    /// versions before the staging folder wrote beside their targets.
    /// </summary>
    public Task<int> AbortIncompleteUploadsAsync(StagedUploadFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var prefix = StoreKey.ValidatePrefix(filter.Prefix);
        return GuardAsync(prefix, "clean up staged files", () =>
        {
            var removed = _staging.Sweep(filter);
            var folder = DirectoryPartOf(prefix);
            var directory = folder.Length == 0 ? Root : _paths.Resolve(folder);
            if (directory is not null && Directory.Exists(directory) && !StorePaths.IsLink(directory))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
                foreach (var temp in Directory.EnumerateFiles(directory, ".*" + LegacyTempMarker + "*", options))
                {
                    var key = ToKey(Path.Combine(Path.GetDirectoryName(temp)!, LegacyTargetNameOf(temp)));
                    if (filter.Matches(key, File.GetLastWriteTimeUtc(temp)))
                    {
                        File.Delete(temp);
                        removed++;
                    }
                }
            }

            return Task.FromResult(removed);
        });
    }

    /// <summary>The target a legacy temp file stood for (<c>.x.raw.tmp-ab12</c> → <c>x.raw</c>).</summary>
    private static string LegacyTargetNameOf(string tempPath)
    {
        var name = Path.GetFileName(tempPath);
        var marker = name.LastIndexOf(LegacyTempMarker, StringComparison.Ordinal);
        return marker > 1 ? name[1..marker] : name;
    }

    private static string SidecarKey(string key) => DigestTree + "/" + key + DigestSuffix;

    private string ToKey(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The folder part of a prefix as a key (<c>images/a/b</c> → <c>images/a</c>); empty for the root.</summary>
    private static string DirectoryPartOf(string prefix)
    {
        var slash = prefix.LastIndexOf('/');
        return slash < 0 ? string.Empty : prefix[..slash];
    }

    /// <summary>Files and links under the prefix's folder; links are entries, never descended into (a loop cannot recurse).</summary>
    private List<string> VisibleKeysUnder(string prefix)
    {
        var folder = DirectoryPartOf(prefix);
        var directory = folder.Length == 0 ? Root : _paths.Resolve(folder);
        if (directory is null || !Directory.Exists(directory) || (folder.Length > 0 && StorePaths.IsLink(directory)))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var keys = new FileSystemEnumerable<string>(directory, (ref entry) => entry.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref entry) => !entry.FileName.StartsWith('.') && (!entry.IsDirectory || IsLink(ref entry)),
            ShouldRecursePredicate = (ref entry) => !entry.FileName.StartsWith('.') && !IsLink(ref entry),
        }
            .Select(ToKey)
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>The object at <paramref name="file"/>; a link is an entry of size 0 with its target; null when nothing (or a folder) is there.</summary>
    private StoredObject? Describe(string key, FileInfo file)
    {
        var modified = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
        return file.LinkTarget is { } target ? new StoredObject(key, 0, modified, null) { LinkTarget = target }
            : file.Exists ? new StoredObject(key, file.Length, modified, ReadDigest(key))
            : null;
    }

    private Checksum? ReadDigest(string key)
    {
        try
        {
            var sidecar = _paths.Resolve(SidecarKey(key));
            return sidecar is not null && Checksum.TryParse(File.ReadAllText(sidecar).Trim(), out var digest) ? digest : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static void DeleteFileAndEmptyParents(string path, string stopAt)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return;
        }

        // Prune leaves no empty directory trees on the NAS; a concurrent writer refilling one wins.
        for (var directory = Path.GetDirectoryName(path); directory is not null && directory.Length > stopAt.Length; directory = Path.GetDirectoryName(directory))
        {
            try
            {
                Directory.Delete(directory, recursive: false);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    /// <summary>A read that fails midway: NFS hiccups pass (retryable), a vanished file does not.</summary>
    private StoreException? ReadFault(string key, Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => new StoreException($"Cannot read '{key}' in {Root}: it disappeared while being read.", key, isRetryable: false, exception),
        IOException => new StoreException($"Cannot read '{key}' in {Root}: {exception.Message}", key, isRetryable: true, exception),
        UnauthorizedAccessException => new StoreException($"Cannot read '{key}' in {Root}: permission denied ({exception.Message}).", key, isRetryable: false, exception),
        _ => null,
    };

    private async Task GuardAsync(string? key, string operation, Func<Task> action) =>
        await GuardAsync<object?>(key, operation, async () =>
        {
            await action();
            return null;
        });

    private async Task<T> GuardAsync<T>(string? key, string operation, Func<Task<T>> action)
    {
        var what = key is null ? string.Empty : $" '{key}'";
        try
        {
            return await action();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StoreException($"Cannot {operation}{what} in {Root}: permission denied ({e.Message}); check the folder's owner and mode.", key, isRetryable: false, e);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            // NFS hiccups (ESTALE, EIO, timeouts) surface as plain IOExceptions and often pass.
            throw new StoreException($"Cannot {operation}{what} in {Root}: {e.Message}", key, isRetryable: true, e);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or PathTooLongException)
        {
            throw new StoreException($"Cannot {operation}{what} in {Root}: {e.Message}", key, isRetryable: false, e);
        }
    }
}
