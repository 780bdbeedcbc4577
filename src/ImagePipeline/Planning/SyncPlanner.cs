using ImagePipeline.Manifest;
using ImagePipeline.Metadata;
using ImagePipeline.Storage;
using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Planning;

/// <summary>
/// Compares the manifest with the store: for each image, the expected digest (or, for packer images,
/// the input fingerprint) with the stored metadata, and checks that the image object itself is there.
/// Reads are done in parallel because a no-op Sync of hundreds of images must take seconds. One
/// image whose reads fail is planned as <see cref="ImageAction.Failed"/>; metadata that cannot be read
/// as metadata (empty, truncated, not ours) makes that image a replace, with a warning naming the file,
/// so a broken document never wedges the run.
/// </summary>
public sealed class SyncPlanner
{
    /// <summary>From this many images on, one listing of their common prefix replaces a HEAD per image
    /// (half the requests of a no-op Sync); below it, a few HEADs are cheaper than a listing.</summary>
    public const int ListingThreshold = 16;

    private readonly IImageStore? _store;
    private readonly int _parallelism;
    private readonly ILogger _logger;

    /// <param name="store">The store, or null when it cannot be read (dry run without credentials).</param>
    /// <param name="parallelism">Concurrent store reads.</param>
    /// <param name="logger">Receives the warning about unreadable metadata.</param>
    public SyncPlanner(IImageStore? store, int parallelism = 32, ILogger? logger = null)
    {
        _store = store;
        _parallelism = Math.Max(1, parallelism);
        _logger = logger ?? Serilog.Core.Logger.None;
    }

    /// <param name="images">The images to plan, in manifest order.</param>
    /// <param name="force">Re-acquire and re-upload everything (that the store could be asked about).</param>
    /// <param name="fingerprint">Computes a packer image's input fingerprint; null skips fingerprints.</param>
    public async Task<SyncPlan> PlanAsync(
        IReadOnlyList<ImageDefinition> images,
        bool force,
        Func<ImageDefinition, CancellationToken, Task<string>>? fingerprint,
        CancellationToken cancellationToken)
    {
        var plans = new ImagePlan[images.Count];
        var listed = _store is not null && images.Count >= ListingThreshold ? await ListAsync(_store, images, cancellationToken) : null;
        await Parallel.ForAsync(0, images.Count, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var image = images[i];
            try
            {
                var print = image.Source is PackerImageSource && fingerprint is not null ? await fingerprint(image, ct) : null;
                plans[i] = await PlanOneAsync(image, print, force, listed, ct);
            }
            catch (ImagePipelineException e)
            {
                plans[i] = new ImagePlan(image.Name, image.ObjectKey, image.Source.Type, ImageAction.Failed, e.Message, image.ExpectedOutput, null);
            }
        });
        return new SyncPlan(plans, _store is not null);
    }

    /// <summary>The stored objects among the images' keys, from one listing of their common folder.</summary>
    private static async Task<Dictionary<string, StoredObject>> ListAsync(IImageStore store, IReadOnlyList<ImageDefinition> images, CancellationToken ct)
    {
        var wanted = images.Select(i => i.ObjectKey).ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, StoredObject>(StringComparer.Ordinal);
        await foreach (var obj in store.ListAsync(StoreKey.CommonFolder(wanted), ct))
        {
            if (wanted.Contains(obj.Key))
            {
                found[obj.Key] = obj;
            }
        }

        return found;
    }

    private async Task<ImagePlan> PlanOneAsync(
        ImageDefinition image, string? fingerprint, bool force, Dictionary<string, StoredObject>? listed, CancellationToken ct)
    {
        ImagePlan Decide(ImageAction action, string reason, ImageMetadata? recorded = null) =>
            new(image.Name, image.ObjectKey, image.Source.Type, action, reason, image.ExpectedOutput, recorded?.Checksum, fingerprint, recorded?.Size);

        if (_store is null)
        {
            return Decide(ImageAction.Unknown, "store not read (no credentials)");
        }

        var metadataTask = ReadMetadataAsync(_store, image, ct);
        var objectTask = listed is null ? _store.StatAsync(image.ObjectKey, ct) : Task.FromResult(listed.GetValueOrDefault(image.ObjectKey));
        var (metadata, unreadable) = await metadataTask;
        var stored = await objectTask;

        if (unreadable is not null)
        {
            return Decide(ImageAction.Replace, $"its metadata {image.MetadataKey} cannot be read ({unreadable}); it is rewritten");
        }

        if (metadata is null)
        {
            return Decide(ImageAction.Upload, stored is null ? "not in store" : "in store without metadata");
        }

        if (stored is null)
        {
            return Decide(ImageAction.Replace, "metadata present but image object missing", metadata);
        }

        if (force)
        {
            return Decide(ImageAction.Replace, "--force", metadata);
        }

        var reason = WhyStale(image, metadata, stored, fingerprint);
        return reason is null
            ? Decide(ImageAction.Unchanged, image.ExpectedOutput is null ? "packer inputs match the store" : "digest matches the store", metadata)
            : Decide(ImageAction.Replace, reason, metadata);
    }

    private async Task<(ImageMetadata? Metadata, string? Unreadable)> ReadMetadataAsync(IImageStore store, ImageDefinition image, CancellationToken ct)
    {
        try
        {
            return (await store.ReadMetadataAsync(image.MetadataKey, ct), null);
        }
        catch (InvalidMetadataException e)
        {
            _logger.Warning("{Image}: {Key} is not valid metadata ({Error}); the image will be published again and the file replaced",
                image.Name, image.MetadataKey, e.Message);
            return (null, e.Message);
        }
    }

    private static string? WhyStale(ImageDefinition image, ImageMetadata metadata, StoredObject stored, string? fingerprint)
    {
        if (stored.Size != metadata.Size)
        {
            return $"stored size {stored.Size} differs from metadata size {metadata.Size}";
        }

        if (stored.Digest is not null && stored.Digest != metadata.Checksum)
        {
            return "stored object digest differs from its metadata";
        }

        if (image.ExpectedOutput is { } expected)
        {
            return expected == metadata.Checksum
                ? null
                : $"digest changed: stored {metadata.Checksum.Shortened()}, manifest {expected.Shortened()}";
        }

        // Packer: the output digest is only known after a build, so the inputs decide.
        if (metadata.Fingerprint is null || fingerprint is null)
        {
            return "no input fingerprint recorded";
        }

        return metadata.Fingerprint == fingerprint ? null : "packer inputs changed";
    }
}
