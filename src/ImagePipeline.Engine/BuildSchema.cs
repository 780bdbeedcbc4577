using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImagePipeline.Engine;

/// <summary>
/// Generates <c>.nuke/build.schema.json</c>: a JSON Schema (draft-07) of <c>.nuke/parameters.json</c> with one property
/// per build parameter (engine options are command-line only), so editors complete and check the file.
/// The output is deterministic: properties sorted by name, two-space indent, <c>\n</c> newlines.
/// </summary>
public static class BuildSchema
{
    private static readonly JsonSerializerOptions Format = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Generate<T>()
        where T : BuildBase, new() => Generate(new T());

    public static string Generate(BuildBase build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var properties = new JsonObject { ["$schema"] = new JsonObject { ["type"] = "string" } };
        foreach (var parameter in BuildParameter.Discover(build.GetType()).Where(p => !p.IsEngineOption).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var property = new JsonObject { ["description"] = parameter.Attribute.Description };
            if (parameter.IsList)
            {
                property["type"] = "array";
                property["items"] = ValueType(parameter, new JsonObject());
            }

            properties[parameter.Name] = parameter.IsList ? property : ValueType(parameter, property);
        }

        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Build parameters",
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        return schema.ToJsonString(Format) + "\n";
    }

    private static JsonObject ValueType(BuildParameter parameter, JsonObject schema)
    {
        var type = parameter.ElementType;
        schema["type"] = type == typeof(bool) ? "boolean" : type == typeof(int) ? "integer" : "string";
        if (type.IsEnum)
        {
            schema["enum"] = new JsonArray([.. ValueConverter.EnumNames(type).Select(name => (JsonNode)name)]);
        }

        if (type == typeof(int) && parameter.Attribute.Minimum != int.MinValue)
        {
            schema["minimum"] = parameter.Attribute.Minimum;
        }

        if (type == typeof(int) && parameter.Attribute.Maximum != int.MaxValue)
        {
            schema["maximum"] = parameter.Attribute.Maximum;
        }

        return schema;
    }
}
