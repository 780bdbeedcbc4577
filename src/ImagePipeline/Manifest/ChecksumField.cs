using ImagePipeline.Verification;

namespace ImagePipeline.Manifest;

/// <summary>Reads a checksum-valued key, telling placeholders apart from malformed digests.</summary>
internal static class ChecksumField
{
    /// <summary>The parsed checksum; null when absent (reported if required) or invalid (reported).</summary>
    /// <param name="placeholderMessage">What to tell the user when the value is a placeholder.</param>
    /// <param name="optional">Loading for Pin: absent and placeholder values are not errors (still null).</param>
    public static Checksum? Read(YamlMappingReader reader, string key, bool required, string placeholderMessage, bool optional)
    {
        var text = reader.Scalar(key, required && !optional);
        if (text is null)
        {
            return null;
        }

        if (Checksum.TryParse(text, out var checksum))
        {
            return checksum;
        }

        if (optional && ManifestVocabulary.IsPlaceholder(text))
        {
            return null;
        }

        reader.Error(key, ManifestVocabulary.IsPlaceholder(text)
            ? placeholderMessage
            : $"expected {Checksum.ExpectedForm}, got '{ManifestLimits.Shown(text)}'");
        return null;
    }

    /// <summary>The algorithm a placeholder names (<c>sha512:REPLACE…</c> → sha512); null for anything else.</summary>
    public static HashAlgorithmKind? PlaceholderAlgorithm(YamlMappingReader reader, string key)
    {
        var text = reader.Raw(key) is YamlDotNet.RepresentationModel.YamlScalarNode scalar ? scalar.Value : null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return text is not null && colon > 0 && ManifestVocabulary.IsPlaceholder(text)
            && Checksum.TryParseAlgorithm(text[..colon], out var algorithm)
                ? algorithm
                : null;
    }

    public static string SourcePlaceholderMessage(string? image) =>
        "placeholder: put the published checksum here " + PinHint(image);

    public static string ExpectedPlaceholderMessage(string? image) =>
        "placeholder: put the checksum of the decompressed image here " + PinHint(image);

    public static string PinHint(string? image) => $"(or run ./build.sh Pin --image {image ?? "NAME"})";
}
