namespace ImagePipeline.Manifest;

/// <summary>
/// Rules for store keys built from the manifest (<c>destinationPrefix</c> + <c>destination.path</c>):
/// they must mean the same thing on S3, on a local directory and in a URL.
/// </summary>
public static class ObjectKeyRules
{
    /// <summary>What is wrong with a <c>destination.path</c>, or null when it is fine.</summary>
    public static string? CheckPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return "must not be empty";
        }

        if (path.EndsWith('/'))
        {
            return $"must not end with `/`, got '{path}'";
        }

        return CheckSegments(path, path);
    }

    /// <summary>What is wrong with a <c>destinationPrefix</c>, or null when it is fine.</summary>
    public static string? CheckPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!prefix.EndsWith('/'))
        {
            return $"must end with `/` (like `{ManifestVocabulary.DefaultDestinationPrefix}`), got '{prefix}'";
        }

        return prefix == "/" ? $"must be relative (no leading `/`), got '{prefix}'" : CheckSegments(prefix[..^1], prefix);
    }

    private static string? CheckSegments(string path, string shown)
    {
        if (path.Any(char.IsControl))
        {
            return "must not contain control characters";
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return $"must use forward slashes, got '{shown}'";
        }

        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0])))
        {
            return $"must be relative (no leading `/`), got '{shown}'";
        }

        foreach (var segment in path.Split('/'))
        {
            var problem = segment switch
            {
                "" => "must not contain empty segments (`//`)",
                "." => "must not contain `.` segments",
                ".." => "must not contain `..`",
                _ => null,
            };
            if (problem is not null)
            {
                return $"{problem}, got '{shown}'";
            }
        }

        return null;
    }
}
