using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ImagePipeline.Engine;

/// <summary>
/// Generates <c>.nuke/build.schema.json</c>: a JSON Schema (draft-07) of <c>.nuke/parameters*.json</c> with one property
/// per parameter and a <c>Target</c> enum of the listed targets, so editors complete and check parameter files.
/// The output is deterministic: properties sorted by name, two-space indent, <c>\n</c> newlines.
/// </summary>
public static class BuildSchema
{
    public static string Generate<T>()
        where T : BuildBase, new() => Generate(new T());

    public static string Generate(BuildBase build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var targets = TargetGraph.Create(build).Targets.Where(t => !t.Definition.IsUnlisted).Select(t => t.Name).Order(StringComparer.Ordinal);
        var parameters = BuildParameter.Discover(build.GetType())
            .Where(p => p.Name != nameof(BuildBase.Profile)) // files cannot set it
            .OrderBy(p => p.Name, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            writer.WriteString("title", "Build parameters");
            writer.WriteString("type", "object");
            writer.WriteStartObject("definitions");
            writer.WriteStartObject("Target");
            writer.WriteString("type", "string");
            WriteArray(writer, "enum", targets);
            writer.WriteEndObject();
            writer.WriteEndObject();

            writer.WriteStartObject("properties");
            writer.WriteStartObject("$schema");
            writer.WriteString("type", "string");
            writer.WriteEndObject();
            foreach (var parameter in parameters)
            {
                writer.WriteStartObject(parameter.Name);
                writer.WriteString("description", parameter.Description);
                if (parameter.IsList)
                {
                    writer.WriteString("type", "array");
                    writer.WriteStartObject("items");
                    WriteType(writer, parameter);
                    writer.WriteEndObject();
                }
                else
                {
                    WriteType(writer, parameter);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteBoolean("additionalProperties", false);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteType(Utf8JsonWriter writer, BuildParameter parameter)
    {
        var type = parameter.ElementType;
        if (parameter.Name == nameof(BuildBase.Skip))
        {
            writer.WriteString("$ref", "#/definitions/Target");
        }
        else if (type == typeof(bool))
        {
            writer.WriteString("type", "boolean");
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            writer.WriteString("type", "integer");
        }
        else
        {
            writer.WriteString("type", "string");
            if (type.IsEnum)
            {
                WriteArray(writer, "enum", ValueConverter.EnumNames(type));
            }
        }
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
