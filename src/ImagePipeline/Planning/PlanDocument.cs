using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImagePipeline.Planning;

/// <summary>
/// The JSON form of a Sync plan (<c>--plan-json</c>): what CI turns into a job matrix and what a
/// pull request comment shows. Shape:
/// <c>{ "storeWasRead": bool, "needsWork": [names], "matrix": { "include": [{ image, packer, cacheKey }] },
/// "images": [{ name, action, reason, objectKey, sourceType, expected, stored }],
/// "prune": [{ key, size, checksum }] | null }</c>.
/// <c>matrix</c> is a GitHub Actions job matrix with one leg per image that needs work, in manifest order;
/// <c>packer</c> tells the leg whether it must install Packer; <c>cacheKey</c> identifies its inputs (the packer
/// input fingerprint, else the expected digest), so CI caches are keyed by content.
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
            ["stored"] = i.Stored?.ToString(),
        })]);
        var document = new JsonObject
        {
            ["storeWasRead"] = plan.StoreWasRead,
            ["needsWork"] = new JsonArray([.. plan.ImagesNeedingWork.Select(n => (JsonNode)JsonValue.Create(n))]),
            ["matrix"] = new JsonObject
            {
                ["include"] = new JsonArray([.. plan.Images.Where(i => i.NeedsWork).Select(i => (JsonNode)new JsonObject
                {
                    ["image"] = i.Name,
                    ["packer"] = i.SourceType == "packer",
                    ["cacheKey"] = i.Fingerprint ?? i.Expected?.ToString() ?? i.Name,
                })]),
            },
            ["images"] = images,
            ["prune"] = prune is null ? null : new JsonArray([.. prune.Delete.Select(c => (JsonNode)new JsonObject
            {
                ["key"] = c.Key,
                ["size"] = c.Size,
                ["checksum"] = c.Checksum?.ToString(),
            })]),
        };
        return document.ToJsonString(Options).ReplaceLineEndings("\n") + "\n";
    }
}
