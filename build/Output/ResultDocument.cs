using System.Text.Json;
using System.Text.Json.Nodes;
using ImagePipeline.Publishing;

namespace ImagePipeline.Build.Output;

/// <summary>
/// Each image's Sync result as JSON (<c>--result-json</c>), what a CI leg hands to the run's report:
/// <c>{ "images": [{ name, result, stage, reason }] }</c>; <c>result</c> is published, unchanged, failed or skipped,
/// <c>stage</c> and <c>reason</c> are set for failed images (and <c>reason</c> for skipped ones).
/// </summary>
internal static class ResultDocument
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Serialize(IReadOnlyList<ImageJob> jobs) =>
        new JsonObject
        {
            ["images"] = new JsonArray([.. jobs.Select(job => (JsonNode)new JsonObject
            {
                ["name"] = job.Name,
                ["result"] = job.Failure is not null ? "failed"
                    : job.Published is not null ? "published"
                    : job.Plan is { Action: Planning.ImageAction.Unchanged } ? "unchanged"
                    : "skipped",
                ["stage"] = job.Failure?.Stage,
                ["reason"] = job.Failure?.Message ?? (job.Published is null ? job.Plan?.Reason : null),
            })]),
        }.ToJsonString(Options).ReplaceLineEndings("\n") + "\n";
}
