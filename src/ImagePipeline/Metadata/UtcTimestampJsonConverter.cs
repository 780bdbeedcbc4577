using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImagePipeline.Metadata;

/// <summary>
/// Writes timestamps as UTC with a 'Z' suffix and only the fractional digits that are needed
/// (<c>2025-01-31T12:00:00Z</c>, <c>2025-01-31T12:00:00.25Z</c>); reads any ISO-8601 offset.
/// </summary>
internal sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw new JsonException($"'{text}' is not an ISO-8601 timestamp.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToText(value));

    /// <summary>The text this converter writes, for documents written by hand (the catalog's index.json).</summary>
    internal static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
