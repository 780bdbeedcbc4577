using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using ImagePipeline.Metadata;
using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Storage;

/// <summary>
/// An <see cref="IImageStore"/> over a directory (a local disk or a NAS over NFS). A key is a relative
/// path under the root. Every write goes to a hidden temp file in the target directory
/// (<c>.&lt;name&gt;.tmp-&lt;random&gt;</c>), is fsynced and then renamed over the target, so readers such as
/// Cloud Sync or a PXE server only ever see complete files. Digests live in sidecar files under the
/// hidden <c>.digests/</c> tree (<c>.digests/&lt;key&gt;.digest</c>) because extended attributes do not
/// survive every NFS setup. Names starting with '.' are never listed.
/// </summary>
public sealed class FileSystemImageStore : IImageStore
{
    private const string DigestTree = ".digests";
    private const string DigestSuffix = ".digest";
    private const int CopyBufferSize = 4 * 1024 * 1024;

    private readonly ILogger _logger;
    private readonly IProgress<UploadProgress>? _progress;

    public FileSystemImageStore(string root, ILogger logger, IProgress<UploadProgress>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(logger);
        Root = Path.GetFullPath(root);
        _logger = logger.ForContext<FileSystemImageStore>();
        _progress = progress;
    }

    public string Root { get; }

    public string Description => $"directory {Root}";

    public async Task UploadAsync(string key, string localPath, Checksum digest, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        ArgumentNullException.ThrowIfNull(digest);
        var target = ObjectPath(key);
        var sidecar = DigestPath(key);
        await GuardAsync(key, "upload", async () =>
        {
            await using var source = OpenLocalFile(key, localPath);
            var temp = await AtomicFile.WriteTempAsync(target, (destination, ct) => CopyAsync(key, source, destination, ct), source.Length, cancellationToken);
            try
            {
                // The old digest must not outlive the old bytes: drop it before the new file appears.
                // A crash before the new sidecar is written leaves the digest unknown, never wrong.
                DeleteIfExists(sidecar);
                File.Move(temp, target, overwrite: true);
            }
            catch
            {
                AtomicFile.TryDelete(temp);
                throw;
            }

            // Not cancellable: the image is already visible and must get its digest.
            await AtomicFile.WriteAsync(sidecar, System.Text.Encoding.ASCII.GetBytes(digest.ToString()), CancellationToken.None);
            _logger.Debug("Stored {Key} ({Size} bytes, {Digest}) in {Root}", key, source.Length, digest, Root);
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
            var json = ImageMetadataJson.Serialize(metadata);
            DeleteIfExists(DigestPath(key));
            await AtomicFile.WriteAsync(ObjectPath(key), json, cancellationToken);
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

    /// <summary>Removes temp files that crashed writers left behind (the directory store's incomplete uploads).</summary>
    public Task<int> AbortIncompleteUploadsAsync(string prefix, TimeSpan olderThan, CancellationToken cancellationToken)
    {
        StoreKey.ValidatePrefix(prefix);
        return GuardAsync(prefix, "clean up temp files", () =>
        {
            var cutoff = DateTime.UtcNow - olderThan;
            var removed = 0;
            var directory = Path.Combine(Root, DirectoryPartOf(prefix));
            if (Directory.Exists(directory))
            {
                foreach (var temp in Directory.EnumerateFiles(directory, ".*" + AtomicFile.TempMarker + "*", SearchOption.AllDirectories))
                {
                    var key = ToKey(Path.Combine(Path.GetDirectoryName(temp)!, AtomicFile.TargetNameOf(temp)));
                    if (key.StartsWith(prefix, StringComparison.Ordinal) && File.GetLastWriteTimeUtc(temp) < cutoff && !IsUnderDigestTree(temp))
                    {
                        File.Delete(temp);
                        removed++;
                    }
                }
            }

            return Task.FromResult(removed);
        });
    }

    private string ObjectPath(string key) => Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));

    private string DigestPath(string key) => Path.Combine(Root, DigestTree, key.Replace('/', Path.DirectorySeparatorChar) + DigestSuffix);

    private string ToKey(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private bool IsUnderDigestTree(string fullPath) => ToKey(fullPath).StartsWith(DigestTree + "/", StringComparison.Ordinal);

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

    private static FileStream OpenLocalFile(string key, string localPath)
    {
        try
        {
            return new FileStream(localPath, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                BufferSize = 0,
                Options = FileOptions.SequentialScan,
            });
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new StoreException($"Cannot upload '{key}': local file '{localPath}' cannot be read: {e.Message}", key, isRetryable: false, e);
        }
    }

    private async Task CopyAsync(string key, FileStream source, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            long copied = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                copied += read;
                _progress?.Report(new UploadProgress(key, copied, source.Length));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void DeleteIfExists(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing to delete.
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

    private async Task GuardAsync(string key, string operation, Func<Task> action) =>
        await GuardAsync<object?>(key, operation, async () =>
        {
            await action();
            return null;
        });

    private async Task<T> GuardAsync<T>(string key, string operation, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StoreException($"Cannot {operation} '{key}' in {Root}: permission denied ({e.Message})", key, isRetryable: false, e);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            // NFS hiccups (ESTALE, EIO, timeouts) surface as plain IOExceptions and often pass.
            throw new StoreException($"Cannot {operation} '{key}' in {Root}: {e.Message}", key, isRetryable: true, e);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or PathTooLongException)
        {
            throw new StoreException($"Cannot {operation} '{key}' in {Root}: {e.Message}", key, isRetryable: false, e);
        }
    }
}
