using System.Text.Json.Nodes;
using ImagePipeline.Planning;

namespace ImagePipeline.Build.CI;

/// <summary>
/// The sync job's matrix, shaped from the domain's plan: <c>{ "include": [{ image, packer, cacheKey }] }</c>, one leg
/// per image that needs work, in manifest order. <c>packer</c> tells the leg to set up Packer; <c>cacheKey</c> names
/// the leg's inputs (the packer fingerprint, else the expected digest), so its caches are keyed by content.
/// Written into the plan JSON as <see cref="Member"/>, where the plan job's <see cref="WorkflowScripts.PlanOutputs"/> reads it.
/// </summary>
internal static class ImageMatrix
{
    public const string Member = "matrix";

    /// <summary>The leg fields the workflow reads as <c>matrix.&lt;field&gt;</c>.</summary>
    public const string Image = "image";

    public const string Packer = "packer";

    public const string CacheKey = "cacheKey";

    public static JsonObject From(SyncPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new JsonObject
        {
            ["include"] = new JsonArray([.. plan.Images.Where(i => i.NeedsWork).Select(i => (JsonNode)new JsonObject
            {
                [Image] = i.Name,
                [Packer] = i.SourceType == "packer",
                [CacheKey] = i.Fingerprint ?? i.Expected?.ToString() ?? i.Name,
            })]),
        };
    }
}
