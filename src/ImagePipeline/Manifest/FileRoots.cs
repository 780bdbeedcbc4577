namespace ImagePipeline.Manifest;

/// <summary>
/// Where <c>file</c> sources and packer directories may be: the repository root and the folders
/// the user listed (<see cref="ManifestLoadOptions.FileRoots"/>, <c>--file-root</c>), all with their
/// symbolic links resolved, so a path is checked where it really is.
/// </summary>
internal sealed class FileRoots
{
    private readonly List<string> _resolved;

    private FileRoots(List<string> resolved) => _resolved = resolved;

    /// <summary>The roots; an extra root that does not exist is reported and left out.</summary>
    public static FileRoots Create(string repositoryRoot, IReadOnlyList<string> extraRoots, ManifestErrorList errors)
    {
        var resolved = new List<string> { RealPath.Resolve(repositoryRoot) };
        foreach (var extra in extraRoots)
        {
            var full = Path.IsPathFullyQualified(extra) ? extra : Path.Combine(repositoryRoot, extra);
            var real = RealPath.Resolve(full);
            if (Directory.Exists(real))
            {
                resolved.Add(real);
            }
            else
            {
                errors.AddUnlocated($"file root '{ManifestLimits.Shown(extra)}' (--file-root) is not a folder (resolved to {ManifestLimits.Shown(real)})");
            }
        }

        return new FileRoots(resolved);
    }

    /// <summary>How the allowed folders are named in messages.</summary>
    public string Description => _resolved.Count == 1
        ? "the repository"
        : "the repository or a --file-root folder (" + string.Join(", ", _resolved.Skip(1)) + ")";

    /// <summary>The real path of <paramref name="path"/> (relative to the repository), or why it may not be used.</summary>
    public (string? RealPath, string? Problem) Confine(string path, string repositoryRoot)
    {
        var full = Path.IsPathFullyQualified(path) ? path : Path.Combine(repositoryRoot, path);
        string real;
        try
        {
            real = RealPath.Resolve(full);
        }
        catch (IOException ex)
        {
            return (null, ex.Message);
        }

        if (_resolved.Any(root => RealPath.IsInside(real, root)))
        {
            return (real, null);
        }

        var shown = string.Equals(path, real, StringComparison.Ordinal) ? " is" // an absolute path, no link: said once
            : string.Equals(real, Path.GetFullPath(full), StringComparison.Ordinal) ? $" is '{ManifestLimits.Shown(real)}',"
            : $" resolves (through a symbolic link) to '{ManifestLimits.Shown(real)}',";
        return (null, $"'{ManifestLimits.Shown(path)}'{shown} outside {Description}; move it inside, or list its folder with --file-root");
    }
}
