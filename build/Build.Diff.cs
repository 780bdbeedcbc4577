using ImagePipeline.Build.Output;
using ImagePipeline.Engine;
using ImagePipeline.Manifest;
using ImagePipeline.Planning;
using ImagePipeline.Sources.Packer;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    async Task DiffAsync(CancellationToken cancellationToken)
    {
        var store = await OpenStoreAsync(required: !DryRun, cancellationToken);
        _plan = await new SyncPlanner(store).PlanAsync(SelectedImages, Force, FingerprintAsync, cancellationToken);

        var table = new TextTable("Image", "Action", "Reason", "Destination");
        foreach (var image in _plan.Images)
        {
            table.Add(image.Name, image.Action.ToString().ToLowerInvariant(), image.Reason, image.ObjectKey);
        }

        Log.Information("Plan against {Store}:", store?.Description ?? "(store not read)");
        table.WriteTo(line => Log.Information("{Line:l}", line));
        AppendStepSummary("Sync plan", table);

        PrunePlan? prune = null;
        if (DryRun && store is not null && Image.Length == 0)
        {
            prune = await new PrunePlanner(store).PlanAsync(LoadedManifest, IncludeUnmanaged, cancellationToken);
            foreach (var candidate in prune.Delete)
            {
                Log.Information("Prune candidate (only with Prune): {Key}", candidate.Key);
            }
        }

        if (PlanJson is not null)
        {
            var path = Rooted(PlanJson);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, PlanDocument.Serialize(_plan, prune), cancellationToken);
            Log.Information("Plan written to {Path}", path);
        }
    }

    Task<string> FingerprintAsync(ImageDefinition image, CancellationToken cancellationToken) =>
        CreatePackerHandler().ComputeFingerprintAsync(image, cancellationToken);

    Task SyncSummaryAsync(CancellationToken cancellationToken)
    {
        var plan = _plan!;
        var count = (ImageAction action) => plan.Images.Count(i => i.Action == action);
        Log.Information(DryRun
                ? "Dry run: {Changed} image(s) would be published, {Unchanged} unchanged, {Unknown} unknown (store not read); nothing was changed"
                : "{Changed} image(s) published, {Unchanged} unchanged, {Unknown} unknown",
            plan.ImagesNeedingWork.Count, count(ImageAction.Unchanged), count(ImageAction.Unknown));
        return Task.CompletedTask;
    }
}
