using ImagePipeline.Verification;

namespace ImagePipeline.Manifest;

/// <summary>Reads a checksum-valued key, telling placeholders apart from malformed digests.</summary>
internal static class ChecksumField
{
    /// <summary>The parsed checksum; null when absent (reported if required) or invalid (reported).</summary>
    /// <param name="placeholderMessage">What to tell the user when the value is a placeholder.</param>
    public static Checksum? Read(YamlMappingReader reader, string key, bool required, string placeholderMessage)
    {
        var text = reader.Scalar(key, required);
        if (text is null)
        {
            return null;
        }

        if (Checksum.TryParse(text, out var checksum))
        {
            return checksum;
        }

        reader.Error(key, ManifestVocabulary.IsPlaceholder(text)
            ? placeholderMessage
            : $"expected {Checksum.ExpectedForm}, got '{text}'");
        return null;
    }

    public static string SourcePlaceholderMessage(string? image) =>
        "placeholder: put the published checksum here " + PinHint(image);

    public static string ExpectedPlaceholderMessage(string? image) =>
        "placeholder: put the checksum of the decompressed image here " + PinHint(image);

    public static string PinHint(string? image) => $"(or run ./build.sh Pin --image {image ?? "NAME"})";
}
