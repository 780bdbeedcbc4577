using System.Security.Cryptography;
using System.Text;

namespace ImagePipeline.Pinning;

/// <summary>
/// Rewrites a manifest file one edit at a time and atomically. Pin's images finish in parallel: each
/// edit holds a lock, re-reads the file (so edits compose) and writes the new text to a temp file in the
/// same directory, flushed to disk, then renamed over the manifest — a reader, or a crash, sees the old
/// file or the new one, never a mix. The file mode and a UTF-8 byte order mark are kept.
/// </summary>
/// <remarks>Synchronous under a plain lock on purpose: a manifest is a few KB, and a lock needs no disposal.</remarks>
public sealed class ManifestUpdater(string manifestPath)
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private readonly Lock _gate = new();

    public string ManifestPath { get; } = Path.GetFullPath(manifestPath);

    /// <summary>Applies <paramref name="edit"/> to the current text; returns whether the file changed
    /// (an edit that returns the same text writes nothing).</summary>
    /// <exception cref="IOException">The manifest cannot be read or replaced; it is then unchanged.</exception>
    public bool Update(Func<string, string> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        lock (_gate)
        {
            var bytes = File.ReadAllBytes(ManifestPath);
            var bom = bytes.AsSpan().StartsWith(Utf8Bom);
            var text = Encoding.UTF8.GetString(bom ? bytes[Utf8Bom.Length..] : bytes);
            var edited = edit(text);
            if (edited == text)
            {
                return false;
            }

            var content = Encoding.UTF8.GetBytes(edited);
            Replace(bom ? [.. Utf8Bom, .. content] : content);
            return true;
        }
    }

    private void Replace(byte[] content)
    {
        var directory = Path.GetDirectoryName(ManifestPath)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(ManifestPath)}.tmp-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(ManifestPath));
            }

            File.Move(temp, ManifestPath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
