namespace ImagePipeline.Manifest;

/// <summary>
/// Bounds on manifest input, checked before the YAML is turned into a tree (which recurses per
/// nesting level), so a hostile or broken file ends in a located error, never a stack overflow or
/// gigabytes of memory. docs/manifest.md lists them.
/// </summary>
public static class ManifestLimits
{
    /// <summary>Largest manifest file, in bytes (a 500-image manifest is about 150 KiB).</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>Deepest nesting of mappings and lists (the manifest itself needs 6).</summary>
    public const int MaxDepth = 32;

    /// <summary>Longest scalar (key or value), in characters.</summary>
    public const int MaxScalarLength = 8 * 1024;

    /// <summary>Longest <c>source.url</c>, in characters (what browsers, proxies and S3 metadata reliably carry).</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>How much of a user's value a message quotes.</summary>
    public const int MaxQuotedLength = 100;

    /// <summary><paramref name="value"/> for a message: at most <see cref="MaxQuotedLength"/> characters, then "… (N characters)".</summary>
    public static string Shown(string? value) => value is null || value.Length <= MaxQuotedLength
        ? value ?? string.Empty
        : $"{value[..MaxQuotedLength]}… ({value.Length:N0} characters)";
}
