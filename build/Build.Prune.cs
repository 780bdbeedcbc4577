using ImagePipeline.Build.Output;
using ImagePipeline.Engine;
using ImagePipeline.Planning;
using ImagePipeline.Storage;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    async Task PruneAsync(CancellationToken cancellationToken)
    {
        var store = (await OpenStoreAsync(required: true, cancellationToken))!;
        var plan = await new PrunePlanner(store).PlanAsync(LoadedManifest, IncludeUnmanaged, cancellationToken);
        foreach (var kept in plan.KeptUnmanaged)
        {
            Log.Warning("Kept {Key}: not in the manifest but has no metadata (unmanaged); --include-unmanaged deletes it", kept.Key);
        }

        var table = new TextTable("Path", "Size", "Digest");
        foreach (var candidate in plan.Delete)
        {
            table.Add(candidate.Key, ByteSize.Format(candidate.Size), candidate.Checksum ?? "(unmanaged)");
        }

        if (DryRun)
        {
            PruneExecutor.EnforceLimit(plan, MaxDelete);
            Log.Information("Dry run: Prune would delete {Count} image(s) from {Store}:", plan.Delete.Count, store.Description);
            table.WriteTo(line => Log.Information("{Line:l}", line));
            AppendStepSummary("Prune (dry run)", table);
            return;
        }

        var aborted = await store.AbortIncompleteUploadsAsync(new StagedUploadFilter(LoadedManifest.DestinationPrefix, DateTimeOffset.UtcNow.AddHours(-24)), cancellationToken);
        if (aborted > 0)
        {
            Log.Information("Aborted {Count} incomplete upload(s) older than 24 h", aborted);
        }

        var deleted = new TextTable("Path", "Size", "Digest");
        try
        {
            await new PruneExecutor(store).ExecuteAsync(plan, MaxDelete,
                c =>
                {
                    deleted.Add(c.Key, ByteSize.Format(c.Size), c.Checksum ?? "(unmanaged)");
                    Log.Information("Deleted {Key} ({Size}, {Digest})", c.Key, ByteSize.Format(c.Size), c.Checksum ?? "unmanaged");
                },
                cancellationToken);
        }
        finally
        {
            Log.Information("Prune deleted {Count} image(s):", deleted.Count);
            deleted.WriteTo(line => Log.Information("{Line:l}", line));
            AppendStepSummary("Prune", deleted);
        }
    }
}
