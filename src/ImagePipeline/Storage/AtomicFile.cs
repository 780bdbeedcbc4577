using System.Security.Cryptography;

namespace ImagePipeline.Storage;

/// <summary>
/// Write-to-temp, fsync, rename: the only way <see cref="FileSystemImageStore"/> writes, so a reader
/// never sees a partial file. Temp files are hidden siblings of the target: <c>.&lt;name&gt;.tmp-&lt;random&gt;</c>.
/// </summary>
internal static class AtomicFile
{
    public const string TempMarker = ".tmp-";

    /// <summary>Writes a complete, fsynced temp file beside <paramref name="target"/> and returns its path;
    /// the caller renames it. On any failure or cancellation the temp file is gone.</summary>
    public static async Task<string> WriteTempAsync(string target, Func<Stream, CancellationToken, Task> write, long expectedLength, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, "." + Path.GetFileName(target) + TempMarker + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        try
        {
            await using var stream = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0,
                PreallocationSize = expectedLength,
            });
            await write(stream, cancellationToken);
            stream.Flush(flushToDisk: true);
            return temp;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static async Task WriteAsync(string target, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temp = await WriteTempAsync(target, (stream, ct) => stream.WriteAsync(content, ct).AsTask(), content.Length, cancellationToken);
        try
        {
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The target file name a temp file stands for (<c>.x.raw.tmp-ab12</c> → <c>x.raw</c>).</summary>
    public static string TargetNameOf(string tempPath)
    {
        var name = Path.GetFileName(tempPath);
        var marker = name.LastIndexOf(TempMarker, StringComparison.Ordinal);
        return marker > 1 ? name[1..marker] : name;
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover hidden temp file is never listed and AbortIncompleteUploads removes it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
