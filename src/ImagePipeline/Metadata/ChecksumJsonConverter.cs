using System.Text.Json;
using System.Text.Json.Serialization;
using ImagePipeline.Verification;

namespace ImagePipeline.Metadata;

/// <summary>A <see cref="Checksum"/> as its text (<c>sha256:&lt;hex&gt;</c>); anything else is not a digest and fails the read.</summary>
internal sealed class ChecksumJsonConverter : JsonConverter<Checksum>
{
    public override Checksum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Checksum.TryParse(text, out var checksum)
            ? checksum
            : throw new JsonException($"{Shown(text)} is not a digest; expected {Checksum.ExpectedForm}.");
    }

    public override void Write(Utf8JsonWriter writer, Checksum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }

    private static string Shown(string? text) => text is null ? "the value" : $"'{MessageText.Truncate(text)}'";
}
