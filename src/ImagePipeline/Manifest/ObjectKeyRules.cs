using System.Globalization;
using System.Text;
using ImagePipeline.Layout;

namespace ImagePipeline.Manifest;

/// <summary>
/// Rules for store keys built from the manifest (<c>destinationPrefix</c> + <c>destination.path</c>):
/// they must mean the same thing on S3, on a local directory, on a case-insensitive SMB/NFS share
/// (Synology) and in a URL. docs/manifest.md lists them.
/// </summary>
public static class ObjectKeyRules
{
    /// <summary>S3's limit for a whole key, in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>Most file systems' limit for one name, in UTF-8 bytes.</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>
    /// The last segment's limit: 255 less the metadata suffix (<c>.json</c>) and the directory
    /// store's temporary name (<c>.&lt;name&gt;.tmp-&lt;12 hex&gt;</c>).
    /// </summary>
    public const int MaxFileNameBytes = MaxSegmentBytes - 5 - 18;

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
            return $"must not end with `/`, got '{ManifestLimits.Shown(path)}'";
        }

        var fileName = path[(path.LastIndexOf('/') + 1)..];
        var fileNameBytes = Encoding.UTF8.GetByteCount(fileName);
        return CheckSegments(path, path) ?? (fileNameBytes > MaxFileNameBytes
            ? string.Create(CultureInfo.InvariantCulture,
                $"file name '{ManifestLimits.Shown(fileName)}' is {fileNameBytes} bytes (UTF-8); at most {MaxFileNameBytes}, which leaves room for the metadata suffix `.json` and the directory store's temporary name")
            : null);
    }

    /// <summary>What is wrong with a <c>destinationPrefix</c>, or null when it is fine.</summary>
    public static string? CheckPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!prefix.EndsWith('/'))
        {
            return $"must end with `/` (like `{ManifestVocabulary.DefaultDestinationPrefix}`), got '{ManifestLimits.Shown(prefix)}'";
        }

        return prefix == "/" ? $"must be relative (no leading `/`), got '{prefix}'" : CheckSegments(prefix[..^1], prefix);
    }

    /// <summary>What is wrong with a whole key (<paramref name="objectKey"/>, and the metadata key beside it), or null.</summary>
    public static string? CheckKeyLength(string objectKey, string metadataKey)
    {
        ArgumentNullException.ThrowIfNull(objectKey);
        ArgumentNullException.ThrowIfNull(metadataKey);
        var longest = Math.Max(Encoding.UTF8.GetByteCount(objectKey), Encoding.UTF8.GetByteCount(metadataKey));
        return longest > MaxKeyBytes
            ? string.Create(CultureInfo.InvariantCulture,
                $"makes a store key of {longest} bytes (UTF-8; with `destinationPrefix`, or as `{StoreLayout.MetadataRoot}…{StoreLayout.MetadataSuffix}`); S3 allows at most {MaxKeyBytes}")
            : null;
    }

    private static string? CheckSegments(string path, string original)
    {
        var shown = ManifestLimits.Shown(original);
        if (path.Any(char.IsControl))
        {
            return "must not contain control characters";
        }

        if (UnicodeForm.HasUnpairedSurrogate(path))
        {
            return "must be valid Unicode (it has an unpaired surrogate, which cannot be written as UTF-8)";
        }

        if (UnicodeForm.FirstNotComposed(path) is { } decomposed)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"must be in Unicode NFC (composed) form: U+{(int)decomposed:X4} is a combining or compatibility character; write the composed letter (é, not e + U+0301), got '{shown}'");
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return $"must use forward slashes, got '{shown}'";
        }

        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0])))
        {
            return $"must be relative (no leading `/`), got '{shown}'";
        }

        if (path.Contains("%2e", StringComparison.OrdinalIgnoreCase) || path.Contains("%2f", StringComparison.OrdinalIgnoreCase)
            || path.Contains("%5c", StringComparison.OrdinalIgnoreCase))
        {
            return $"must not contain a percent-encoded `.`, `/` or `\\` (`%2e`, `%2f`, `%5c`), which some servers and clients decode into a different path, got '{shown}'";
        }

        foreach (var segment in path.Split('/'))
        {
            var problem = CheckSegment(segment);
            if (problem is not null)
            {
                return $"{problem}, got '{shown}'";
            }
        }

        return null;
    }

    private static string? CheckSegment(string segment)
    {
        switch (segment)
        {
            case "":
                return "must not contain empty segments (`//`)";
            case ".":
                return "must not contain `.` segments";
            case "..":
                return "must not contain `..`";
        }

        if (segment.EndsWith('.') || segment.EndsWith(' '))
        {
            return $"segment '{ManifestLimits.Shown(segment)}' ends with a dot or a space, which Windows and SMB shares (Synology) drop";
        }

        var bytes = Encoding.UTF8.GetByteCount(segment);
        return bytes > MaxSegmentBytes
            ? string.Create(CultureInfo.InvariantCulture, $"segment '{ManifestLimits.Shown(segment)}' is {bytes} bytes (UTF-8); at most {MaxSegmentBytes}")
            : null;
    }
}
