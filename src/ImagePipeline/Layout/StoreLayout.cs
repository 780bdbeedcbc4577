namespace ImagePipeline.Layout;

/// <summary>
/// Where everything lives in a store, in one place, so Validate, Diff, Sync, List, Prune, Audit and the
/// catalog agree:
/// <list type="bullet">
/// <item>Images under <c>images/</c>: key = <c>destinationPrefix</c> + <c>destination.path</c>, where the prefix
/// is <c>images/</c> or a folder inside it (what the NAS syncs and the catalog covers).</item>
/// <item>The metadata of image <c>images/&lt;rest&gt;</c> at <c>metadata/&lt;rest&gt;.json</c>: derived from the whole
/// image key, so two prefixes never share a document (<c>images/b/x.raw</c> → <c>metadata/b/x.raw.json</c>), and the
/// default prefix keeps the seed's <c>metadata/&lt;destination.path&gt;.json</c>.</item>
/// <item>The consumer catalog at the top of <c>images/</c>: <c>SHA256SUMS</c>, <c>SHA512SUMS</c>, <c>index.json</c>.
/// These names are reserved: no destination may be one of them or lie under one.</item>
/// </list>
/// </summary>
public static class StoreLayout
{
    public const string ImagesRoot = "images/";
    public const string MetadataRoot = "metadata/";
    public const string MetadataSuffix = ".json";

    public const string Sha256SumsName = "SHA256SUMS";
    public const string Sha512SumsName = "SHA512SUMS";
    public const string IndexName = "index.json";

    /// <summary>The checksum file that lists images hashed with <paramref name="algorithm"/>.</summary>
    public static string SumsName(Verification.HashAlgorithmKind algorithm) =>
        algorithm == Verification.HashAlgorithmKind.Sha256 ? Sha256SumsName : Sha512SumsName;

    /// <summary>The catalog's file names, relative to <see cref="ImagesRoot"/>.</summary>
    public static IReadOnlyList<string> CatalogNames { get; } = [Sha256SumsName, Sha512SumsName, IndexName];

    /// <summary>The catalog's store keys (<c>images/SHA256SUMS</c>, …).</summary>
    public static IReadOnlyList<string> CatalogKeys { get; } = [.. CatalogNames.Select(n => ImagesRoot + n)];

    /// <summary>True for the catalog's own files, which are never images (List, Prune and Audit leave them alone).</summary>
    public static bool IsCatalogKey(string key) => CatalogKeys.Contains(key, StringComparer.Ordinal);

    /// <summary><c>images/talos/x.raw</c> → <c>metadata/talos/x.raw.json</c>.</summary>
    /// <exception cref="ArgumentException">The key is not under <c>images/</c>.</exception>
    public static string MetadataKeyFor(string imageKey) => MetadataRoot + RelativeToImages(imageKey) + MetadataSuffix;

    /// <summary>The image a metadata document describes (<c>metadata/a/x.raw.json</c> → <c>images/a/x.raw</c>); null when the key is no metadata key.</summary>
    public static string? ImageKeyFor(string metadataKey)
    {
        ArgumentNullException.ThrowIfNull(metadataKey);
        var rest = metadataKey.Length - MetadataRoot.Length - MetadataSuffix.Length;
        return rest > 0 && metadataKey.StartsWith(MetadataRoot, StringComparison.Ordinal) && metadataKey.EndsWith(MetadataSuffix, StringComparison.Ordinal)
            ? string.Concat(ImagesRoot, metadataKey.AsSpan(MetadataRoot.Length, rest))
            : null;
    }

    /// <summary>The metadata folder that mirrors an image folder: <c>images/b/</c> → <c>metadata/b/</c>.</summary>
    public static string MetadataFolderFor(string imageFolder) => MetadataRoot + RelativeToImages(imageFolder);

    /// <summary>The key relative to <c>images/</c>, as the catalog and the NAS copy name it: <c>images/t/x.raw</c> → <c>t/x.raw</c>.</summary>
    /// <exception cref="ArgumentException">The key is not under <c>images/</c>.</exception>
    public static string RelativeToImages(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith(ImagesRoot, StringComparison.Ordinal)
            ? key[ImagesRoot.Length..]
            : throw new ArgumentException($"'{key}' is not under '{ImagesRoot}'.", nameof(key));
    }

    /// <summary>What is wrong with a <c>destinationPrefix</c> for this layout (it must be <c>images/</c> or a folder in it), or null.</summary>
    public static string? CheckPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!prefix.StartsWith(ImagesRoot, StringComparison.Ordinal))
        {
            return $"must be `{ImagesRoot}` or a folder inside it (e.g. `{ImagesRoot}lab/`): List, Prune, Audit and the catalog " +
                $"(`{ImagesRoot}{Sha256SumsName}`) cover `{ImagesRoot}`, which is also what the NAS copies; got '{MessageText.Truncate(prefix)}'";
        }

        return ReservedProblem(prefix[ImagesRoot.Length..], prefix);
    }

    /// <summary>
    /// What is wrong with an image's destination (its key is, or lies under, a catalog name), or null. Only a path
    /// directly under <c>images/</c> can collide; a deeper prefix that collides is <see cref="CheckPrefix"/>'s to report.
    /// </summary>
    public static string? CheckDestination(string prefix, string path)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(path);
        return prefix == ImagesRoot ? ReservedProblem(path, prefix + path) : null;
    }

    /// <summary>A relative path whose first segment is a catalog name (in any case: case-insensitive file systems and SMB clients exist).</summary>
    private static string? ReservedProblem(string relative, string shown)
    {
        var first = relative.Split('/')[0];
        var reserved = CatalogNames.FirstOrDefault(n => n.Equals(first, StringComparison.OrdinalIgnoreCase));
        return reserved is null
            ? null
            : $"key '{MessageText.Truncate(shown)}' collides with `{ImagesRoot}{reserved}`, which the pipeline writes for consumers (the catalog); choose another path";
    }

}
