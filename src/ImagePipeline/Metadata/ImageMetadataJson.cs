using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImagePipeline.Metadata;

/// <summary>
/// The on-store JSON form of <see cref="ImageMetadata"/>: camelCase, indented, properties in declaration
/// order (so documents diff cleanly), null properties omitted, <c>uploadedAt</c> as UTC ISO-8601
/// (<c>2025-01-31T12:00:00Z</c>), digests as <c>sha256:&lt;hex&gt;</c>. Unknown properties are ignored so newer tool versions can add fields.
/// </summary>
public static class ImageMetadataJson
{
    public const string ContentType = "application/json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        Converters = { new UtcTimestampJsonConverter(), new ChecksumJsonConverter() },
        // People read these files on the NAS: write '+' and '<' as themselves, not as \u002B. It is never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize(ImageMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return JsonSerializer.SerializeToUtf8Bytes(metadata, Options);
    }

    public static string SerializeToString(ImageMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return JsonSerializer.Serialize(metadata, Options);
    }

    /// <summary>Reads a metadata document; <paramref name="key"/> names it in the error.</summary>
    /// <exception cref="InvalidMetadataException">The document is not valid JSON or lacks a required field.</exception>
    public static async Task<ImageMetadata> DeserializeAsync(Stream json, string key, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<ImageMetadata>(json, Options, cancellationToken)
                ?? throw new InvalidMetadataException(key, "the document is 'null'");
        }
        catch (JsonException e)
        {
            throw new InvalidMetadataException(key, e.Message, e);
        }
    }

    public static ImageMetadata Deserialize(ReadOnlySpan<byte> json, string key)
    {
        try
        {
            return JsonSerializer.Deserialize<ImageMetadata>(json, Options)
                ?? throw new InvalidMetadataException(key, "the document is 'null'");
        }
        catch (JsonException e)
        {
            throw new InvalidMetadataException(key, e.Message, e);
        }
    }
}
