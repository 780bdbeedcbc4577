using System.Security.Cryptography;

namespace ImagePipeline.Storage.FileSystem;

/// <summary>
/// The directory store's hidden <c>.staging/</c> folder at the store root. Every write — images,
/// metadata, digest sidecars — is written here first, fsynced, then renamed into place, so nothing
/// that syncs or serves <c>images/</c> (Cloud Sync, rsync, a PXE listing) ever sees a partial file.
/// A staged file mirrors its key (<c>.staging/images/x.raw~&lt;random&gt;</c>) and is held open with an
/// exclusive lock (on Unix .NET maps <see cref="FileShare.None"/> to <c>flock</c>) for as long as its
/// writer lives: <see cref="Sweep"/> removes only files whose lock it can take, i.e. a dead run's.
/// Like every write of the store, staging never goes through a link (<see cref="StorePaths"/>).
/// </summary>
internal sealed class StagingArea(StorePaths paths)
{
    public const string FolderName = ".staging";
    private const char RandomSeparator = '~';

    private string Folder { get; } = Path.Combine(paths.Root, FolderName);

    /// <summary>A new, exclusively locked staging file for <paramref name="key"/>.</summary>
    public (string Path, FileStream Stream) Create(string key, long preallocationSize = 0)
    {
        var path = paths.ResolveForWrite(FolderName + "/" + key, "stage") + RandomSeparator + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
            PreallocationSize = preallocationSize,
        });
        return (path, stream);
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="target"/> atomically (staged, fsynced, renamed).</summary>
    public async Task WriteAtomicallyAsync(string key, string target, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var (path, stream) = Create(key, content.Length);
        try
        {
            await using (stream)
            {
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
                MoveIntoPlace(path, target);
            }
        }
        catch
        {
            TryDelete(path);
            throw;
        }
    }

    /// <summary>Renames a complete staged file over <paramref name="target"/> (same file system: atomic).</summary>
    public static void MoveIntoPlace(string stagedPath, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(stagedPath, target, overwrite: true);
    }

    /// <summary>Deletes the staged files <paramref name="filter"/> selects (by last write) whose writer is gone; returns how many.</summary>
    public int Sweep(StagedUploadFilter filter)
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }

        var removed = 0;
        if (StorePaths.IsLink(Folder))
        {
            return 0;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var path in Directory.EnumerateFiles(Folder, "*" + RandomSeparator + "*", options))
        {
            var key = KeyOf(path);
            // Bookkeeping (digest sidecars, '.'-keys) belongs to no prefix: any sweep may take a dead one.
            var written = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            if ((filter.Matches(key, written) || (key.StartsWith('.') && written < filter.StartedBefore))
                && TryDeleteUnlocked(path))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Deletes a file; a missing file or folder is fine.</summary>
    public static void DeleteIfExists(string path)
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

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next run's Sweep removes what is left.
        }
    }

    private string KeyOf(string stagedPath)
    {
        var relative = Path.GetRelativePath(Folder, stagedPath).Replace(Path.DirectorySeparatorChar, '/');
        return relative[..relative.LastIndexOf(RandomSeparator)];
    }

    /// <summary>Takes the writer's lock; when that works the writer is gone and the file can go.</summary>
    private static bool TryDeleteUnlocked(string path)
    {
        try
        {
            using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                File.Delete(path);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
