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
/// every NFS setup. Names starting with '.' are never listed.
/// </summary>
public sealed class FileSystemImageStore : IImageStore
{
    private const string DigestTree = ".digests";
    private const string DigestSuffix = ".digest";
    private const string LegacyTempMarker = ".tmp-";

    private readonly ILogger _logger;
    private readonly IProgress<UploadProgress>? _progress;
    private readonly StagingArea _staging;

    public FileSystemImageStore(string root, ILogger logger, IProgress<UploadProgress>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(logger);
        Root = Path.GetFullPath(root);
        _logger = logger.ForContext<FileSystemImageStore>();
        _progress = progress;
        _staging = new StagingArea(Root);
    }

    public string Root { get; }

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
            var (path, stream) = _staging.Create(key);
            var sidecarKey = DigestTree + "/" + key + DigestSuffix;
            return Task.FromResult<IStagedUpload>(new FileSystemStagedUpload(
                _staging, path, stream, ObjectPath(key), sidecarKey, ObjectPath(sidecarKey), new StagedUploadState(key, digest), _progress));
        });
    }

    public Task<StoredObject?> StatAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        return GuardAsync(key, "stat", () =>
        {
            var file = new FileInfo(ObjectPath(key));
            return Task.FromResult(file.Exists ? ToStoredObject(key, file) : null);
        });
    }

    public Task<ImageMetadata?> ReadMetadataAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        return GuardAsync<ImageMetadata?>(key, "read metadata", async () =>
        {
            FileStream stream;
            try
            {
                stream = new FileStream(ObjectPath(key), FileMode.Open, FileAccess.Read, FileShare.Read);
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
            StagingArea.DeleteIfExists(DigestPath(key));
            await _staging.WriteAtomicallyAsync(key, ObjectPath(key), ImageMetadataJson.Serialize(metadata), cancellationToken);
        });
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StoreKey.ValidatePrefix(prefix);
        var keys = await GuardAsync(prefix, "list", () => Task.FromResult(VisibleKeysUnder(prefix)));
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = new FileInfo(ObjectPath(key));
            if (file.Exists)
            {
                yield return ToStoredObject(key, file);
            }
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        return GuardAsync(key, "delete", () =>
        {
            DeleteFileAndEmptyParents(ObjectPath(key), Root);
            DeleteFileAndEmptyParents(DigestPath(key), Root);
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
            var directory = Path.Combine(Root, DirectoryPartOf(prefix));
            if (Directory.Exists(directory))
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

    private string ObjectPath(string key) => Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));

    private string DigestPath(string key) => ObjectPath(DigestTree + "/" + key + DigestSuffix);

    private string ToKey(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private static string DirectoryPartOf(string prefix)
    {
        var slash = prefix.LastIndexOf('/');
        return slash < 0 ? string.Empty : prefix[..slash].Replace('/', Path.DirectorySeparatorChar);
    }

    private List<string> VisibleKeysUnder(string prefix)
    {
        var directory = Path.Combine(Root, DirectoryPartOf(prefix));
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var keys = new FileSystemEnumerable<string>(directory, (ref entry) => entry.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory && !entry.FileName.StartsWith('.'),
            ShouldRecursePredicate = (ref entry) => !entry.FileName.StartsWith('.'),
        }
            .Select(ToKey)
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    private StoredObject ToStoredObject(string key, FileInfo file) =>
        new(key, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero), ReadDigest(key));

    private Checksum? ReadDigest(string key)
    {
        try
        {
            return Checksum.TryParse(File.ReadAllText(DigestPath(key)).Trim(), out var digest) ? digest : null;
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
