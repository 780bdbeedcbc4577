namespace ImagePipeline.Storage.FileSystem;

/// <summary>
/// Maps keys to paths under a directory store's root without ever going through a symbolic link or junction:
/// a key whose path crosses a link (<c>images/t/current/x.raw</c> with <c>current -&gt; 1.9.1</c>) does not exist for
/// reads and cannot be written or deleted, so no write or delete ever lands outside the root or in a folder the
/// key does not name. The root itself may be a link (the store may live on another disk). Checked right before
/// each operation: it keeps the store from following links it finds, not from a concurrent attacker.
/// </summary>
internal sealed class StorePaths(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The key's path, which may cross a link (for callers that check it themselves).</summary>
    public string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar)));
        // Keys cannot hold '..' (StoreKey), so this only fails if that rule is ever broken.
        return path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException($"Key '{key}' resolves to {path}, outside the store root {Root}.");
    }

    /// <summary>The key's path when no folder between the root and it is a link; else null.</summary>
    public string? Resolve(string key) => LinkAbove(key) is null ? PathOf(key) : null;

    /// <summary>The key's path for reading its bytes: null when a folder above it or the entry itself is a link (never followed).</summary>
    public string? ResolveForRead(string key) => Resolve(key) is { } path && !IsLink(path) ? path : null;

    /// <summary>
    /// The key's path for a write: neither a folder above it nor the entry itself may be a link.
    /// </summary>
    /// <exception cref="StoreException">Permanent, naming the link and what to do.</exception>
    public string ResolveForWrite(string key, string operation)
    {
        var link = LinkAbove(key) ?? (IsLink(PathOf(key)) ? key : null);
        return link is null
            ? PathOf(key)
            : throw new StoreException(
                $"Cannot {operation} '{key}' in {Root}: '{link}' is a symbolic link ({Describe(link)}), and the directory store never writes through " +
                "or over links; remove the link or choose another destination.path (the store root itself may be a link).",
                key, isRetryable: false);
    }

    /// <summary>The first folder (as a key) above <paramref name="key"/> that is a link, or null.</summary>
    public string? LinkAbove(string key)
    {
        var segments = key.Split('/');
        var current = Root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            current = Path.Combine(current, segments[i]);
            if (IsLink(current))
            {
                return string.Join('/', segments[..(i + 1)]);
            }

            if (!Directory.Exists(current))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>True for a symbolic link or junction (dangling ones too); never follows it.</summary>
    public static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private string Describe(string linkKey) => "-> " + new FileInfo(PathOf(linkKey)).LinkTarget;
}
