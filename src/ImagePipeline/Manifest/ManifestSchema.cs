using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using static ImagePipeline.Manifest.ManifestVocabulary;

namespace ImagePipeline.Manifest;

/// <summary>
/// The JSON Schema (draft-07) of <c>kind: ImageManifest</c>, built from <see cref="ManifestVocabulary"/>
/// so editors (yaml-language-server) complete and check what the loader accepts. The loader stays the
/// authority: rules the schema cannot express (files exist, keys unique) are only checked there.
/// </summary>
public static class ManifestSchema
{
    /// <summary>Where the schema is checked in, relative to the repository root.</summary>
    public const string RelativePath = "images/images.schema.json";

    /// <summary>
    /// destination.path: relative, '/'-separated, no empty/./.. segments, no control characters, no
    /// percent-encoded '.', '/' or '\', no segment ending in '.' or ' ' (the loader checks the rest:
    /// NFC, byte lengths).
    /// </summary>
    public const string DestinationPathPattern =
        @"^(?!/)(?![A-Za-z]:)(?!.*/$)(?!.*//)(?!(.*/)?\.\.?(/|$))(?!.*%(2[eEfF]|5[cC]))(?!.*[. ](/|$))[^\\\x00-\x1f\x7f-\x9f]+$";

    /// <summary>destinationPrefix: <c>images/</c> or a folder in it (see StoreLayout), ending with '/'.</summary>
    public const string DestinationPrefixPattern =
        @"^(?!.*//)(?!(.*/)?\.\.?/)(?!.*%(2[eEfF]|5[cC]))(?!.*[. ]/)(?!images/(" + ReservedCatalogNames + ")/)images/([^\\\x00-\x1f\x7f-\x9f]*/)?$";

    /// <summary>The catalog's names in any case, spelled out (ECMA-262 patterns have no inline case-insensitivity).</summary>
    private const string ReservedCatalogNames = "[Ss][Hh][Aa](256|512)[Ss][Uu][Mm][Ss]|[Ii][Nn][Dd][Ee][Xx]\\.[Jj][Ss][Oo][Nn]";

    /// <summary>
    /// A digest, or a placeholder as <see cref="ManifestVocabulary.IsPlaceholder"/> sees one: the schema
    /// describes the file as edited, before Pin (the strict loader still rejects placeholders).
    /// Letter case spelled out: JavaScript patterns (editors) have no inline (?i).
    /// </summary>
    public const string ChecksumOrPlaceholderPattern =
        ChecksumPattern + "|[Rr][Ee][Pp][Ll][Aa][Cc][Ee]|[Tt][Oo][Dd][Oo]|<[^<>]*>";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for editors, never embedded in HTML
    };

    /// <summary>The schema text: deterministic, 2-space indented, '\n' line ends, final newline.</summary>
    public static string Generate() => Build().ToJsonString(Options) + "\n";

    /// <summary>Writes <see cref="RelativePath"/> under <paramref name="rootDirectory"/> (the GenerateSchemas target).</summary>
    /// <returns>The absolute path written.</returns>
    public static string Write(string rootDirectory)
    {
        var path = Path.Combine(rootDirectory, RelativePath);
        File.WriteAllText(path, Generate());
        return path;
    }

    private static JsonObject Build() => new()
    {
        ["$schema"] = "http://json-schema.org/draft-07/schema#",
        ["title"] = ImageManifest.Kind,
        ["description"] = "Machine images published by ImagePipeline (./build.sh Validate checks every rule, with line:column).",
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = Strings(RootKeys),
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = Const(ImageManifest.ApiVersion, "Version of the manifest format."),
            ["kind"] = Const(ImageManifest.Kind, "Always ImageManifest."),
            ["metadata"] = Object("About this manifest.", ["name"], new JsonObject
            {
                ["name"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "Name of the manifest." },
            }),
            ["spec"] = Object("What to publish.", ["images"], new JsonObject
            {
                ["defaults"] = Ref("defaults"),
                ["images"] = new JsonObject
                {
                    ["type"] = "array",
                    ["minItems"] = 1,
                    ["description"] = "The images, each with a unique name and a unique destination.",
                    ["items"] = Ref("image"),
                },
            }),
        },
        ["definitions"] = Definitions(),
    };

    private static JsonObject Definitions() => new()
    {
        ["checksum"] = new JsonObject
        {
            ["type"] = "string",
            ["pattern"] = ChecksumOrPlaceholderPattern,
            ["description"] = "Digest as sha256:<64 hex digits> or sha512:<128 hex digits>; a placeholder (REPLACE…, TODO, <…>) is left for ./build.sh Pin to fill in (Validate and Sync reject it).",
        },
        ["algorithm"] = Enum(Algorithms, "Digest algorithm. There is no none: every image is verified."),
        ["decompress"] = Enum(CompressionNames, "The source is compressed; the published file is its decompressed content."),
        ["defaults"] = Object("Defaults for every image.", [], new JsonObject
        {
            ["destinationPrefix"] = new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = DestinationPrefixPattern,
                ["default"] = DefaultDestinationPrefix,
                ["description"] = "Prefix of every store key: 'images/' or a folder inside it, ending with '/'.",
            },
            ["validation"] = Object("Default validation settings.", [], new JsonObject
            {
                ["algorithm"] = WithDescription(Ref("algorithm"), "Algorithm of validation.expected when an image does not name one (default sha256)."),
            }),
        }),
        ["image"] = Image(),
        ["httpSource"] = Source("http", "Download over https:// and verify checksum.", ["url", "checksum"], new JsonObject
        {
            ["url"] = new JsonObject
            {
                ["type"] = "string",
                ["format"] = "uri",
                ["pattern"] = "^https://",
                ["maxLength"] = ManifestLimits.MaxUrlLength,
                ["description"] = "https:// URL without user:password, at most 2048 characters.",
            },
            ["checksum"] = WithDescription(Ref("checksum"), "Published digest of the downloaded bytes."),
            ["decompress"] = Ref("decompress"),
        }),
        ["fileSource"] = Source("file", "A local file (absolute, or relative to the repository root).", ["path", "checksum"], new JsonObject
        {
            ["path"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "The file; it must exist." },
            ["checksum"] = WithDescription(Ref("checksum"), "Digest of the file."),
            ["decompress"] = Ref("decompress"),
        }),
        ["packerSource"] = Source("packer", "Built with packer from a template directory.", ["path", "artifact"], new JsonObject
        {
            ["path"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "Template directory relative to the repository root, holding *.pkr.hcl." },
            ["artifact"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "The built file, relative to path." },
            ["variables"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Packer variables (-var); values may use ${env:NAME}.",
                ["additionalProperties"] = new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") },
            },
        }),
    };

    private static JsonObject Image()
    {
        var image = Object("One image.", ["name", "source", "destination"], new JsonObject
        {
            ["name"] = new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = NamePattern,
                ["maxLength"] = MaxNameLength,
                ["description"] = "Lowercase letters, digits, '.' and '-', at most 63 characters; names targets and CI jobs.",
            },
            ["source"] = SourceByType(),
            ["destination"] = Object("Where the image is published.", ["path"], new JsonObject
            {
                ["path"] = new JsonObject
                {
                    ["type"] = "string",
                    ["pattern"] = DestinationPathPattern,
                    ["description"] = "Store key below destinationPrefix: relative, '/'-separated, no '..'.",
                },
            }),
            ["validation"] = Object("Digest of the published (decompressed) file.", [], new JsonObject
            {
                ["algorithm"] = Ref("algorithm"),
                ["expected"] = WithDescription(Ref("checksum"), "Required with source.decompress; otherwise defaults to source.checksum."),
            }),
        });
        image["if"] = new JsonObject
        {
            ["required"] = Strings(["source"]),
            ["properties"] = new JsonObject { ["source"] = new JsonObject { ["required"] = Strings(["decompress"]) } },
        };
        image["then"] = new JsonObject
        {
            ["required"] = Strings(["validation"]),
            ["properties"] = new JsonObject { ["validation"] = new JsonObject { ["required"] = Strings(["expected"]) } },
        };
        return image;
    }

    /// <summary>
    /// The source's definition chosen by its <c>type</c> with if/then (not oneOf, where an editor
    /// reports every branch's errors for one mistake).
    /// </summary>
    private static JsonObject SourceByType() => new()
    {
        ["type"] = "object",
        ["description"] = "Where the bytes come from.",
        ["required"] = Strings(["type"]),
        ["properties"] = new JsonObject { ["type"] = Enum(SourceTypes, "http, file or packer.") },
        ["allOf"] = new JsonArray([.. SourceTypes.Select(type => (JsonNode)new JsonObject
        {
            ["if"] = new JsonObject
            {
                ["required"] = Strings(["type"]),
                ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = type } },
            },
            ["then"] = Ref(type + "Source"),
        })]),
    };

    private static JsonObject Source(string type, string description, IReadOnlyList<string> required, JsonObject properties)
    {
        properties.Insert(0, "type", Const(type, description));
        return Object(description, ["type", .. required], properties);
    }

    private static JsonObject Object(string description, IReadOnlyList<string> required, JsonObject properties)
    {
        var result = new JsonObject { ["type"] = "object", ["description"] = description, ["additionalProperties"] = false };
        if (required.Count > 0)
        {
            result["required"] = Strings(required);
        }

        result["properties"] = properties;
        return result;
    }

    private static JsonObject Const(string value, string description) =>
        new() { ["const"] = value, ["description"] = description };

    private static JsonObject Enum(IReadOnlyList<string> values, string description) =>
        new() { ["type"] = "string", ["enum"] = Strings(values), ["description"] = description };

    private static JsonObject Ref(string definition) => new() { ["$ref"] = "#/definitions/" + definition };

    /// <summary>draft-07 ignores siblings of $ref, so the description goes beside it in allOf.</summary>
    private static JsonObject WithDescription(JsonObject reference, string description) =>
        new() { ["description"] = description, ["allOf"] = new JsonArray(reference) };

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];
}
