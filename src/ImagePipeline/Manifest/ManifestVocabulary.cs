using System.Text.RegularExpressions;
using ImagePipeline.Compression;

namespace ImagePipeline.Manifest;

/// <summary>
/// The manifest's keys, names and patterns in one place, so the loader and the JSON Schema cannot
/// drift apart.
/// </summary>
public static partial class ManifestVocabulary
{
    public const string DefaultDestinationPrefix = "images/";
    public const int MaxNameLength = 63;
    public const string NamePattern = "^[a-z0-9.-]{1,63}$";
    public const string ChecksumPattern = "^(sha256:[0-9a-fA-F]{64}|sha512:[0-9a-fA-F]{128})$";

    public static readonly IReadOnlyList<string> RootKeys = ["apiVersion", "kind", "metadata", "spec"];
    public static readonly IReadOnlyList<string> MetadataKeys = ["name"];
    public static readonly IReadOnlyList<string> SpecKeys = ["defaults", "images"];
    public static readonly IReadOnlyList<string> DefaultsKeys = ["destinationPrefix", "validation"];
    public static readonly IReadOnlyList<string> DefaultsValidationKeys = ["algorithm"];
    public static readonly IReadOnlyList<string> ImageKeys = ["name", "source", "destination", "validation"];
    public static readonly IReadOnlyList<string> DestinationKeys = ["path"];
    public static readonly IReadOnlyList<string> ValidationKeys = ["algorithm", "expected"];

    public static readonly IReadOnlyList<string> SourceTypes = ["http", "file", "packer"];
    public static readonly IReadOnlyList<string> HttpSourceKeys = ["type", "url", "checksum", "decompress"];
    public static readonly IReadOnlyList<string> FileSourceKeys = ["type", "path", "checksum", "decompress"];
    public static readonly IReadOnlyList<string> PackerSourceKeys = ["type", "path", "artifact", "variables"];

    /// <summary>Every key any source type knows, for "did you mean" suggestions.</summary>
    public static readonly IReadOnlyList<string> AllSourceKeys =
        [.. HttpSourceKeys.Concat(FileSourceKeys).Concat(PackerSourceKeys).Distinct(StringComparer.Ordinal)];

    public static readonly IReadOnlyList<string> Algorithms = ["sha256", "sha512"];

    public static IReadOnlyList<string> CompressionNames { get; } =
        [.. Enum.GetValues<CompressionFormat>().Select(CompressionName)];

    public static string CompressionName(CompressionFormat format) => format switch
    {
        CompressionFormat.Xz => "xz",
        CompressionFormat.Gzip => "gzip",
        CompressionFormat.Zstd => "zstd",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static IReadOnlyList<string> SourceKeysFor(string type) => type switch
    {
        "http" => HttpSourceKeys,
        "file" => FileSourceKeys,
        "packer" => PackerSourceKeys,
        _ => AllSourceKeys,
    };

    public static bool IsValidName(string name) => NameRegex().IsMatch(name);

    /// <summary>
    /// A value someone left for later (<c>sha256:REPLACE_WITH_PUBLISHED_CHECKSUM</c>, <c>TODO</c>,
    /// <c>&lt;sha256&gt;</c>) rather than a mistyped digest; it gets a friendlier message.
    /// </summary>
    public static bool IsPlaceholder(string value) =>
        value.Contains("REPLACE", StringComparison.OrdinalIgnoreCase)
        || value.Contains("TODO", StringComparison.OrdinalIgnoreCase)
        || AngleBracketRegex().IsMatch(value);

    // \z rather than $: a quoted "name\n" must not pass.
    [GeneratedRegex("^[a-z0-9.-]{1,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();

    [GeneratedRegex("<[^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex AngleBracketRegex();
}
