using ImagePipeline.Catalog;
using ImagePipeline.Layout;
using ImagePipeline.Storage;

namespace ImagePipeline.Build;

/// <summary>The consumer catalog (images/SHA256SUMS, SHA512SUMS, index.json): written last, from the whole store.</summary>
internal sealed partial class Build
{
    async Task WriteCatalogAsync(CancellationToken cancellationToken)
    {
        var store = (await OpenStoreAsync(required: true, cancellationToken))!;
        // In a Sync, a run that published or replaced nothing leaves a present catalog alone (a no-op Sync stays cheap).
        if (_run is { } run && !run.Jobs.Any(TouchedTheStore)
            && await store.StatAsync(StoreLayout.ImagesRoot + StoreLayout.IndexName, cancellationToken) is not null)
        {
            Log.Information("Catalog: nothing was published or replaced, so the catalog stays as it is");
            return;
        }

        await RewriteCatalogAsync(store, cancellationToken);
    }

    async Task RewriteCatalogAsync(IImageStore store, CancellationToken cancellationToken)
    {
        var changes = await new CatalogWriter(store, Log).WriteAsync(_startedAt, cancellationToken);
        foreach (var change in changes)
        {
            Log.Information(change.Deleted ? "Catalog: deleted {Change:l}" : "Catalog: rewrote {Change:l}", change.ToString());
        }

        if (changes.Count == 0)
        {
            Log.Information("Catalog: already current in {Store}", store.Description);
        }
    }

    /// <summary>What a Prune's deletions would do to the catalog, logged as the real run logs it (for its dry run).</summary>
    async Task PreviewCatalogAsync(IImageStore store, IEnumerable<string> deletedImages, CancellationToken cancellationToken)
    {
        var (_, changes) = await new CatalogWriter(store, Log).PlanAsync(deletedImages.ToHashSet(StringComparer.Ordinal), cancellationToken);
        foreach (var change in changes)
        {
            Log.Information(change.Deleted ? "Catalog: would delete {Change:l}" : "Catalog: would rewrite {Change:l}", change.ToString());
        }
    }

    static bool TouchedTheStore(Publishing.ImageJob job) =>
        job.Published is not null || job.Failure?.Stage is "Upload" or "WriteMetadata";
}
