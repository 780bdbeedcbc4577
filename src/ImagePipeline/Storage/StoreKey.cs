namespace ImagePipeline.Storage;

/// <summary>
/// The key rules every store enforces, so a key valid for one store is valid for all: relative,
/// '/'-separated, no empty segments, no segment starting with '.' (that excludes '..' traversal and
/// leaves dot-names free for a store's own bookkeeping, e.g. temp files), no backslash or control characters.
/// </summary>
public static class StoreKey
{
    /// <exception cref="ArgumentException">The key breaks a rule; the message says which.</exception>
    public static string Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var problem = FindProblem(key);
        return problem is null ? key : throw new ArgumentException($"Store key '{key}' is invalid: {problem}.", nameof(key));
    }

    /// <summary>Prefixes may be empty or end in the middle of a segment, but follow the other rules.</summary>
    public static string ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return prefix;
        }

        var problem = FindProblem(prefix.EndsWith('/') ? prefix[..^1] : prefix);
        return problem is null ? prefix : throw new ArgumentException($"Store prefix '{prefix}' is invalid: {problem}.", nameof(prefix));
    }

    /// <summary>The longest folder (ending in '/') every key is under; empty when none is shared.</summary>
    public static string CommonFolder(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return string.Empty;
        }

        var common = keys.Aggregate((a, b) => a[..a.Zip(b).TakeWhile(p => p.First == p.Second).Count()]);
        return common[..(common.LastIndexOf('/') + 1)];
    }

    private static string? FindProblem(string key)
    {
        if (key.Length == 0)
        {
            return "it is empty";
        }

        if (key.StartsWith('/'))
        {
            return "it must be relative (no leading '/')";
        }

        if (key.Any(c => c == '\\' || char.IsControl(c)))
        {
            return "it contains a backslash or a control character";
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "it has an empty path segment ('//' or a trailing '/')";
            }

            if (segment.StartsWith('.'))
            {
                return $"segment '{segment}' starts with '.'";
            }
        }

        return null;
    }
}
