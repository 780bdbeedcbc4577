using ImagePipeline.Build.Output;
using ImagePipeline.Engine;
using ImagePipeline.Layout;
using ImagePipeline.Planning;
using ImagePipeline.Storage;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    PruneOptions PruneOptions => new()
    {
        IncludeUnmanaged = IncludeUnmanaged,
        DeleteLinks = DeleteLink.ToHashSet(StringComparer.Ordinal),
        MaxDelete = MaxDelete,
        MaxDeletePercent = MaxDeletePercent,
        Force = Force,
    };

    async Task PruneAsync(CancellationToken cancellationToken)
    {
        var store = (await OpenStoreAsync(required: true, cancellationToken))!;
        var options = PruneOptions;
        var plan = await new PrunePlanner(store).PlanAsync(LoadedManifest, options, cancellationToken);
        ReportKept(plan, options);
        var deletions = plan.Deletions;
        if (DryRun)
        {
            PruneExecutor.EnforceLimits(plan, options);
            deletions.ToList().ForEach(d => Log.Information("Would delete {Deletion:l}", Describe(d)));
            Log.Information("Dry run: Prune would delete {Count} image(s) ({Objects} object(s), {Size}) from {Store}:",
                DeletedImages(deletions).Count(), deletions.Count, ByteSize.Format(deletions.Sum(d => d.Size)), store.Description);
            WriteDeletionTable("Prune (dry run)", deletions);
            await PreviewCatalogAsync(store, DeletedImages(deletions), cancellationToken);
            return;
        }

        var staleBefore = DateTimeOffset.UtcNow.AddHours(-24);
        var aborted = await store.AbortIncompleteUploadsAsync(new StagedUploadFilter(plan.Prefix, staleBefore), cancellationToken)
            + await store.AbortIncompleteUploadsAsync(new StagedUploadFilter(StoreLayout.MetadataFolderFor(plan.Prefix), staleBefore), cancellationToken);
        if (aborted > 0)
        {
            Log.Information("Aborted {Count} incomplete upload(s) older than 24 h", aborted);
        }

        var deleted = new List<PruneDeletion>();
        try
        {
            await new PruneExecutor(store).ExecuteAsync(plan, options,
                d =>
                {
                    deleted.Add(d);
                    Log.Information("Deleted {Deletion:l}", Describe(d));
                },
                cancellationToken);
        }
        catch (Exception e) when (deleted.Count > 0 && e is ImagePipelineException)
        {
            // A partial prune still gets a catalog that no longer lists what is gone; the failure stands.
            await RewriteCatalogAsync(store, cancellationToken);
            throw;
        }
        finally
        {
            Log.Information("Prune deleted {Count} image(s) ({Objects} object(s), {Size}) from {Store}:",
                DeletedImages(deleted).Count(), deleted.Count,
                ByteSize.Format(deleted.Sum(d => d.Size)), store.Description);
            WriteDeletionTable("Prune", deleted);
        }

        await RewriteCatalogAsync(store, cancellationToken);
    }

    void ReportKept(PrunePlan plan, PruneOptions options)
    {
        foreach (var kept in plan.KeptUnmanaged)
        {
            Log.Warning("Kept {Key}: not in the manifest but has no metadata (unmanaged); --include-unmanaged deletes it", kept.Key);
        }

        foreach (var link in plan.KeptLinks)
        {
            Log.Warning("Kept {Key}: a symbolic link (to {Target}), which Prune never deletes unless named with --delete-link {Key}", link.Key, link.LinkTarget, link.Key);
        }

        foreach (var entry in plan.KeptUnreadable)
        {
            Log.Warning("Kept {Key}: its metadata {Metadata} cannot be read ({Problem}), so its owner is unknown; fix or delete the document by hand",
                entry.Key, entry.MetadataKey, entry.MetadataProblem);
        }

        foreach (var missing in options.DeleteLinks.Where(k => plan.Delete.All(c => c.Key != k)))
        {
            Log.Warning("--delete-link {Key}: no such symbolic link under {Prefix} that the manifest does not list; nothing deleted for it", missing, plan.Prefix);
        }
    }

    /// <summary>Keys of deleted objects that are not metadata documents: images, unmanaged objects, links.</summary>
    static IEnumerable<string> DeletedImages(IEnumerable<PruneDeletion> deletions) =>
        deletions.Select(d => d.Key).Where(k => !k.StartsWith(StoreLayout.MetadataRoot, StringComparison.Ordinal));

    static string Describe(PruneDeletion deletion) =>
        $"{deletion.Key} ({deletion.What}, {ByteSize.Format(deletion.Size)}, {deletion.Digest?.ToString() ?? "digest unknown"})";

    void WriteDeletionTable(string title, IEnumerable<PruneDeletion> deletions)
    {
        var table = new TextTable("Path", "What", "Size", "Digest");
        foreach (var deletion in deletions)
        {
            table.Add(deletion.Key, deletion.What, ByteSize.Format(deletion.Size), deletion.Digest?.ToString() ?? "-");
        }

        table.WriteTo(line => Log.Information("{Line:l}", line));
        AppendStepSummary(title, table);
    }
}
