using ImagePipeline.Compression;
using ImagePipeline.Verification;
using static ImagePipeline.Manifest.ManifestVocabulary;

namespace ImagePipeline.Manifest;

/// <summary>Reads and checks an image's <c>source</c> mapping (http, file or packer).</summary>
internal static class SourceReader
{
    public static SourceFields Read(YamlMappingReader image, string? imageName, ImageReadContext context)
    {
        var source = image.Mapping("source", required: true);
        if (source is null)
        {
            return SourceFields.Invalid;
        }

        var type = source.Scalar("type", required: true);
        if (type is null || !SourceTypes.Contains(type))
        {
            if (type is not null)
            {
                source.Error("type", $"expected one of {string.Join(", ", SourceTypes)}, got '{ManifestLimits.Shown(type)}'" + KeySuggestion.Hint(type, SourceTypes));
            }

            source.RejectUnknownKeys(AllSourceKeys);
            return SourceFields.Invalid;
        }

        RejectKeysOfOtherTypes(source, type);
        return type switch
        {
            "http" => ReadHttp(source, imageName, context.ChecksumsOptional),
            "file" => ReadFile(source, imageName, context),
            _ => ReadPacker(source, context),
        };
    }

    private static void RejectKeysOfOtherTypes(YamlMappingReader source, string type)
    {
        var allowed = SourceKeysFor(type);
        foreach (var key in source.Keys.Where(k => !allowed.Contains(k)))
        {
            var message = AllSourceKeys.Contains(key)
                ? $"`{key}` is not allowed on {type} sources; allowed: {string.Join(", ", allowed)}"
                : $"unknown key `{key}`" + (KeySuggestion.Hint(key, allowed) is { Length: > 0 } hint ? hint : "; allowed: " + string.Join(", ", allowed));
            source.ErrorAtKey(key, message);
        }
    }

    private static SourceFields ReadHttp(YamlMappingReader source, string? imageName, bool checksumOptional)
    {
        var url = ReadUrl(source);
        var (checksum, complete) = ReadChecksum(source, imageName, checksumOptional);
        var decompress = ReadDecompress(source);
        var result = url is not null && complete ? new HttpImageSource(url, checksum, decompress) : null;
        return new SourceFields("http", result, checksum, decompress, HasDecompress(source), PlaceholderAlgorithm(source, checksum, checksumOptional));
    }

    /// <summary>
    /// The checksum, and whether the source can be built: strictly only with a checksum; for Pin also
    /// without (a malformed digest was reported, and an entry with errors yields no image anyway).
    /// </summary>
    private static (Checksum? Checksum, bool Complete) ReadChecksum(YamlMappingReader source, string? imageName, bool optional)
    {
        var checksum = ChecksumField.Read(source, "checksum", required: true, ChecksumField.SourcePlaceholderMessage(imageName), optional);
        return (checksum, checksum is not null || optional);
    }

    private static HashAlgorithmKind? PlaceholderAlgorithm(YamlMappingReader source, Checksum? checksum, bool optional) =>
        optional && checksum is null ? ChecksumField.PlaceholderAlgorithm(source, "checksum") : null;

    private static Uri? ReadUrl(YamlMappingReader source)
    {
        var text = source.Scalar("url", required: true);
        if (text is null)
        {
            return null;
        }

        if (text.Length > ManifestLimits.MaxUrlLength)
        {
            source.Error("url", $"is {text.Length:N0} characters, more than the limit of {ManifestLimits.MaxUrlLength:N0}, got '{ManifestLimits.Shown(Redact(text))}'");
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
        {
            source.Error("url", $"expected an absolute https:// URL, got '{ManifestLimits.Shown(Redact(text))}'");
            return null;
        }

        var problem = url.Scheme != Uri.UriSchemeHttps
            ? $"only https:// URLs are allowed, got '{ManifestLimits.Shown(Redact(text))}'"
            : url.UserInfo.Length > 0
                ? $"must not contain credentials (user:password@), got '{ManifestLimits.Shown(Redact(text))}'"
                : null;
        if (problem is null)
        {
            return url;
        }

        source.Error("url", problem);
        return null;
    }

    /// <summary>
    /// The URL as written, with any user:password and every query value replaced by *** (secrets
    /// never reach messages). Textual, so it works on text that is no valid URI too.
    /// </summary>
    internal static string Redact(string text)
    {
        var authorityStart = text.IndexOf("://", StringComparison.Ordinal);
        authorityStart = authorityStart < 0 ? 0 : authorityStart + 3;
        var authorityEnd = text.IndexOfAny(['/', '?', '#'], authorityStart);
        authorityEnd = authorityEnd < 0 ? text.Length : authorityEnd;
        var at = authorityEnd > authorityStart ? text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) : -1;
        var redacted = at < 0 ? text : text[..authorityStart] + "***" + text[at..];
        var query = redacted.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return redacted;
        }

        var fragment = redacted.IndexOf('#', query);
        var end = fragment < 0 ? redacted.Length : fragment;
        var pairs = redacted[(query + 1)..end].Split('&').Select(pair => pair.Contains('=', StringComparison.Ordinal) ? pair[..pair.IndexOf('=', StringComparison.Ordinal)] + "=***" : pair);
        return redacted[..(query + 1)] + string.Join('&', pairs) + redacted[end..];
    }

    private static bool HasDecompress(YamlMappingReader source) =>
        source.Has("decompress") && !source.IsNullValue("decompress");

    private static CompressionFormat? ReadDecompress(YamlMappingReader source)
    {
        var text = source.Scalar("decompress");
        if (text is null)
        {
            return null;
        }

        foreach (var format in Enum.GetValues<CompressionFormat>())
        {
            if (CompressionName(format) == text)
            {
                return format;
            }
        }

        source.Error("decompress", $"expected one of {string.Join(", ", CompressionNames)}, got '{ManifestLimits.Shown(text)}'");
        return null;
    }

    private static SourceFields ReadFile(YamlMappingReader source, string? imageName, ImageReadContext context)
    {
        var checksumOptional = context.ChecksumsOptional;
        var path = source.Scalar("path", required: true);
        string? fullPath = null;
        if (path is not null)
        {
            (fullPath, var problem) = context.Roots.Confine(path, context.RootDirectory);
            problem ??= File.Exists(fullPath)
                ? null
                : Directory.Exists(fullPath)
                    ? $"expected a file, '{ManifestLimits.Shown(path)}' is a directory"
                    : $"file not found: '{ManifestLimits.Shown(path)}' (resolved to {fullPath})";
            if (problem is not null)
            {
                source.Error("path", problem);
                fullPath = null;
            }
        }

        var (checksum, complete) = ReadChecksum(source, imageName, checksumOptional);
        var decompress = ReadDecompress(source);
        var result = path is not null && fullPath is not null && complete
            ? new FileImageSource(path, fullPath, checksum, decompress)
            : null;
        return new SourceFields("file", result, checksum, decompress, HasDecompress(source), PlaceholderAlgorithm(source, checksum, checksumOptional));
    }

    private static SourceFields ReadPacker(YamlMappingReader source, ImageReadContext context)
    {
        var path = source.Scalar("path", required: true);
        var directory = path is null ? null : PackerDirectory(source, path, context);
        var artifact = source.Scalar("artifact", required: true);
        if (artifact is not null && directory is not null && !IsArtifactInside(artifact, directory))
        {
            source.Error("artifact", $"must be a relative path inside the packer directory '{ManifestLimits.Shown(path)}', got '{ManifestLimits.Shown(artifact)}' (symbolic links are resolved)");
            artifact = null;
        }

        var variables = ReadVariables(source);
        var result = path is not null && directory is not null && artifact is not null && variables is not null
            ? new PackerImageSource(path, directory, artifact, variables)
            : null;
        return new SourceFields("packer", result, null, null, HasDecompress: false);
    }

    private static string? PackerDirectory(YamlMappingReader source, string path, ImageReadContext context)
    {
        var (fullPath, problem) = Path.IsPathRooted(path)
            ? (null, $"must be a relative path inside the repository, got '{ManifestLimits.Shown(path)}'")
            : context.Roots.Confine(path, context.RootDirectory);
        problem ??= !Directory.Exists(fullPath)
            ? $"directory not found: '{ManifestLimits.Shown(path)}' (resolved to {fullPath})"
            : Directory.EnumerateFiles(fullPath, "*.pkr.hcl").Any()
                ? null
                : $"'{ManifestLimits.Shown(path)}' contains no *.pkr.hcl template";
        if (problem is null)
        {
            return fullPath;
        }

        source.Error("path", problem);
        return null;
    }

    /// <summary>The artifact, links resolved as far as it exists (it may not before the build), stays inside the resolved directory.</summary>
    private static bool IsArtifactInside(string artifact, string directory)
    {
        if (Path.IsPathRooted(artifact))
        {
            return false;
        }

        try
        {
            var real = RealPath.Resolve(Path.Combine(directory, artifact));
            return !string.Equals(real, directory, StringComparison.Ordinal) && RealPath.IsInside(real, directory);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>string → string; null (reported) when any value is not a single value.</summary>
    private static Dictionary<string, string>? ReadVariables(YamlMappingReader source)
    {
        var variables = source.Mapping("variables");
        if (variables is null)
        {
            // Absent or `variables:` with nothing means none; a list or scalar was reported.
            return source.Has("variables") && !source.IsNullValue("variables") ? null : [];
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var valid = true;
        foreach (var name in variables.Keys)
        {
            if (variables.IsNullValue(name))
            {
                variables.Error(name, "expected a string value (write \"\" for an empty string)");
                valid = false;
            }
            else if (variables.Scalar(name) is { } value)
            {
                result[name] = value;
            }
            else
            {
                valid = false;
            }
        }

        return valid ? result : null;
    }
}
