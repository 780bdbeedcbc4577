using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImagePipeline.Planning;

/// <summary>
/// The JSON form of a Sync plan (<c>--plan-json</c>): every selected image with its decision, in manifest order.
/// Shape: <c>{ "storeWasRead": bool, "needsWork": [names],
/// "images": [{ name, action, reason, objectKey, sourceType, expected, stored, fingerprint }],
/// "prune": [{ key, size, checksum }] | null }</c>; <c>action</c> is upload, replace, unchanged, unknown or failed
/// (the image failed a check or could not be planned; <c>reason</c> says why). Callers may add their own members
/// (the build adds a CI job matrix) to <see cref="ToJson"/>'s object before writing it.
/// </summary>
public static class PlanDocument
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static JsonObject ToJson(SyncPlan plan, PrunePlan? prune)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var images = new JsonArray([.. plan.Images.Select(i => (JsonNode)new JsonObject
        {
            ["name"] = i.Name,
            ["action"] = i.Action.ToString().ToLowerInvariant(),
            ["reason"] = i.Reason,
            ["objectKey"] = i.ObjectKey,
            ["sourceType"] = i.SourceType,
            ["expected"] = i.Expected?.ToString(),
            ["stored"] = i.Stored?.ToString(),
            ["fingerprint"] = i.Fingerprint,
        })]);
        return new JsonObject
        {
            ["storeWasRead"] = plan.StoreWasRead,
            ["needsWork"] = new JsonArray([.. plan.ImagesNeedingWork.Select(n => (JsonNode)JsonValue.Create(n))]),
            ["images"] = images,
            ["prune"] = prune is null ? null : new JsonArray([.. prune.Delete.Select(c => (JsonNode)new JsonObject
            {
                ["key"] = c.Key,
                ["size"] = c.Size,
                ["checksum"] = c.Checksum?.ToString(),
            })]),
        };
    }

    /// <summary>Indented, <c>\n</c> line endings, a final newline.</summary>
    public static string Serialize(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.ToJsonString(Options).ReplaceLineEndings("\n") + "\n";
    }
}
