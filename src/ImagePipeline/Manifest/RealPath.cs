namespace ImagePipeline.Manifest;

/// <summary>
/// Resolves a path the way the kernel does, one component at a time: each symbolic link is
/// replaced by its target (relative targets against the link's folder) and <c>..</c> applies
/// to the resolved folder, like <c>realpath -m</c>. A tail that does not exist yet is appended
/// as written (a packer artifact before the build).
/// </summary>
public static class RealPath
{
    /// <summary>Link hops before giving up, as Linux's ELOOP.</summary>
    private const int MaxLinks = 40;

    /// <summary>The resolved absolute path; throws <see cref="IOException"/> on a link loop.</summary>
    public static string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Not Path.GetFullPath: it would apply `..` before the links are resolved.
        var absolute = Path.IsPathFullyQualified(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
        var pending = new Stack<string>(Segments(absolute).Reverse());
        var current = Path.GetPathRoot(absolute) ?? "/";
        var links = 0;
        var exists = true;
        while (pending.TryPop(out var segment))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var candidate = Path.Combine(current, segment);
            var target = exists ? new FileInfo(candidate).LinkTarget : null;
            if (target is null)
            {
                exists = exists && Path.Exists(candidate);
                current = candidate;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"too many levels of symbolic links resolving '{path}'");
            }

            foreach (var part in Segments(target).Reverse())
            {
                pending.Push(part);
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? "/";
            }
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both resolved).</summary>
    public static bool IsInside(string path, string folder)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(folder);
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        var prefix = Path.EndsInDirectorySeparator(trimmed) ? trimmed : trimmed + Path.DirectorySeparatorChar;
        return string.Equals(path, trimmed, StringComparison.Ordinal) || path.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static string[] Segments(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
}
