using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImagePipeline.Planning;

/// <summary>
/// The JSON form of a Sync plan (<c>--plan-json</c>): what CI turns into a job matrix and what a
/// pull request comment shows. Shape:
/// <c>{ "storeWasRead": bool, "needsWork": [names], "images": [{ name, action, reason, objectKey,
/// sourceType, expected, stored }], "prune": [{ key, size, checksum }] | null }</c>.
/// </summary>
public static class PlanDocument
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Serialize(SyncPlan plan, PrunePlan? prune)
    {
        var images = new JsonArray([.. plan.Images.Select(i => (JsonNode)new JsonObject
        {
            ["name"] = i.Name,
            ["action"] = i.Action.ToString().ToLowerInvariant(),
            ["reason"] = i.Reason,
            ["objectKey"] = i.ObjectKey,
            ["sourceType"] = i.SourceType,
            ["expected"] = i.Expected?.ToString(),
            ["stored"] = i.Stored,
        })]);
        var document = new JsonObject
        {
            ["storeWasRead"] = plan.StoreWasRead,
            ["needsWork"] = new JsonArray([.. plan.ImagesNeedingWork.Select(n => (JsonNode)JsonValue.Create(n))]),
            ["images"] = images,
            ["prune"] = prune is null ? null : new JsonArray([.. prune.Delete.Select(c => (JsonNode)new JsonObject
            {
                ["key"] = c.Key,
                ["size"] = c.Size,
                ["checksum"] = c.Checksum,
            })]),
        };
        return document.ToJsonString(Options).ReplaceLineEndings("\n") + "\n";
    }
}
