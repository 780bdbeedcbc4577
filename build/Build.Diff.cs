using ImagePipeline.Build.CI;
using ImagePipeline.Build.Output;
using ImagePipeline.Engine;
using ImagePipeline.Planning;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    async Task DiffAsync(CancellationToken cancellationToken)
    {
        var plan = await Run.PlanAsync(cancellationToken);
        var table = new TextTable("Image", "Action", "Reason", "Destination");
        foreach (var image in plan.Images)
        {
            table.Add(image.Name, image.Action.ToString().ToLowerInvariant(), image.Reason, image.ObjectKey);
        }

        Log.Information("Plan against {Store}:", Run.StoreDescription ?? "the store (not read: no credentials)");
        table.WriteTo(line => Log.Information("{Line:l}", line));
        AppendStepSummary("Sync plan", table);

        PrunePlan? prune = null;
        if (DryRun && Image.Length == 0 && await OpenStoreAsync(required: false, cancellationToken) is { } store)
        {
            prune = await new PrunePlanner(store).PlanAsync(LoadedManifest, PruneOptions, cancellationToken);
            foreach (var deletion in prune.Deletions)
            {
                Log.Information("Prune candidate (only with Prune): {Deletion:l}", Describe(deletion));
            }
        }

        if (PlanJson is not null)
        {
            var document = PlanDocument.ToJson(plan, prune);
            document[ImageMatrix.Member] = ImageMatrix.From(plan);
            await WritePlanAsync(PlanDocument.Serialize(document), cancellationToken);
        }

        Run.ThrowForFailuresIn("Diff");
    }

    /// <summary><c>--plan-json -</c> writes the plan to stdout (masked there like all output); a path gets it masked too.</summary>
    async Task WritePlanAsync(string json, CancellationToken cancellationToken)
    {
        if (PlanJson == "-")
        {
            Output.WriteLine(json);
            return;
        }

        var path = Rooted(PlanJson!);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, Mask(json), cancellationToken);
        Log.Information("Plan written to {Path}", path);
    }

    Task SyncSummaryAsync(CancellationToken cancellationToken)
    {
        var jobs = Run.Jobs;
        var count = (ImageAction action) => jobs.Count(j => j.Plan?.Action == action);
        Log.Information(DryRun
                ? "Dry run: {Changed} image(s) would be published, {Unchanged} unchanged, {Unknown} not compared (store not read), {Failed} failed; nothing was changed"
                : "{Changed} image(s) published, {Unchanged} unchanged, {Unknown} not compared, {Failed} failed",
            DryRun ? jobs.Count(j => j.IsHealthy && j.Plan?.NeedsWork == true) : jobs.Count(j => j.Published is not null),
            count(ImageAction.Unchanged), count(ImageAction.Unknown), jobs.Count(j => !j.IsHealthy));
        return Task.CompletedTask;
    }
}
