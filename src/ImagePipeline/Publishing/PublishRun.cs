using ImagePipeline.Manifest;
using ImagePipeline.Planning;
using ImagePipeline.Progress;
using ImagePipeline.Sources;
using ImagePipeline.Sources.Packer;
using ImagePipeline.Storage;
using Serilog;

namespace ImagePipeline.Publishing;

/// <summary>
/// One run of the image lifecycle over the selected images of a manifest: the store (opened once,
/// checked before any download), the acquirer (one HTTP client, one cache), the progress board, and
/// one <see cref="ImageJob"/> per image, which owns that image's chain. Per-image checks fail that image
/// only; the stage reports every failed image at its end and the others go on. Disposing the run aborts
/// every upload that was staged but not committed and removes the run's work folder.
/// </summary>
public sealed class PublishRun : IAsyncDisposable
{
    private readonly Func<bool, CancellationToken, Task<IImageStore?>> _openStore;
    private readonly Dictionary<string, ImageJob> _jobs;
    private readonly ILogger _logger;
    private readonly WorkArea _work;
    private readonly IAsyncDisposable _progressDisplay;

    /// <param name="images">The selected images, in manifest order.</param>
    /// <param name="openStore">Returns the run's store (opened once by the caller); with <c>required: false</c> it may return null (no credentials, dry run).</param>
    /// <param name="acquisition">How sources are read; packer artifacts go to the run's own work folder.</param>
    /// <param name="board">Receives every image's progress (displays read it).</param>
    /// <param name="showProgress">
    /// Starts what shows <paramref name="board"/> while the run lives (a live terminal display, say); it is disposed
    /// last when the run is. Default: <see cref="ProgressLog"/>'s periodic INFO lines.
    /// </param>
    public PublishRun(
        IReadOnlyList<ImageDefinition> images,
        Func<bool, CancellationToken, Task<IImageStore?>> openStore,
        AcquisitionSettings acquisition,
        PublishOptions options,
        ProgressBoard board,
        ILogger logger,
        Func<ProgressBoard, IAsyncDisposable>? showProgress = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(acquisition);
        ArgumentNullException.ThrowIfNull(options);
        _openStore = openStore;
        _work = WorkArea.Create(options.WorkRoot);
        Acquirer = ImageAcquirer.Create(acquisition with { Packer = acquisition.Packer with { WorkDirectory = _work.Directory } }, logger);
        Options = options;
        Board = board;
        _logger = logger;
        Jobs = [.. images.Select(i => new ImageJob(this, i, board.For(i.Name), logger))];
        _jobs = Jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);
        // Started once every image is on the board, so its first frame shows them all.
        _progressDisplay = (showProgress ?? (b => new ProgressLog(b, logger)))(board);
    }

    public PublishOptions Options { get; }

    public ProgressBoard Board { get; }

    public IReadOnlyList<ImageJob> Jobs { get; }

    /// <summary>Diff's result; null until it ran (or when it could not read the store at all).</summary>
    public SyncPlan? Plan { get; private set; }

    /// <summary>Diff ran and could not plan at all (the store is unusable): nothing may be acquired.</summary>
    public bool PlanFailed { get; private set; }

    /// <summary>The store as Diff read it; null when it was not read (dry run without credentials).</summary>
    public string? StoreDescription { get; private set; }

    internal ImageAcquirer Acquirer { get; }

    public ImageJob Job(string name) => _jobs[name];

    /// <summary>Validate's per-image checks, in parallel; throws <see cref="ImageFailedException"/> naming every failed image.</summary>
    public async Task CheckAsync(bool offline, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(Jobs, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (job, ct) => await job.CheckAsync(offline, ct));
        foreach (var job in Jobs.Where(j => j.Failure?.Stage == "Validate"))
        {
            _logger.Error("{Error:l}", job.Failure!.Message);
        }

        ThrowForFailuresIn("Validate");
    }

    /// <summary>
    /// Diff: checks the store (a bad one fails the run here, before any download), takes this checkout's
    /// lock on every image, removes what dead runs left staged for them and their metadata (also when they
    /// turn out unchanged), and plans every healthy image. Images that could not be planned fail alone.
    /// </summary>
    public async Task<SyncPlan> PlanAsync(CancellationToken cancellationToken)
    {
        IImageStore? store;
        try
        {
            store = await OpenStoreAsync(required: !Options.DryRun, cancellationToken);
            if (store is not null)
            {
                await store.CheckAsync(cancellationToken);
            }
        }
        catch
        {
            PlanFailed = true;
            throw;
        }

        StoreDescription = store?.Description;
        var healthy = Jobs.Where(j => j.IsHealthy && (Options.DryRun || j.TryLock("Diff"))).ToList();
        if (store is not null && !Options.DryRun && healthy.Count > 0)
        {
            // One filter per tree: a filter's prefix is its keys' common folder, and images/ and metadata/ share only the root.
            var aborted = await store.AbortIncompleteUploadsAsync(
                    StagedUploadFilter.ForKeys([.. healthy.Select(j => j.Image.ObjectKey)], Options.StartedAt), cancellationToken)
                + await store.AbortIncompleteUploadsAsync(
                    StagedUploadFilter.ForKeys([.. healthy.Select(j => j.Image.MetadataKey)], Options.StartedAt), cancellationToken);
            if (aborted > 0)
            {
                _logger.Information("Removed {Count} upload(s) that an interrupted run left staged", aborted);
            }
        }

        var planner = new SyncPlanner(store, Options.StoreParallelism, _logger);
        var planned = await planner.PlanAsync([.. healthy.Select(j => j.Image)], Options.Force, FingerprintAsync, cancellationToken);
        foreach (var plan in planned.Images)
        {
            var job = Job(plan.Name);
            job.Plan = plan;
            if (plan.Action == ImageAction.Unchanged)
            {
                job.Progress.Enter(ImageStage.Unchanged);
            }
            else if (plan.Action == ImageAction.Failed)
            {
                job.FailPlan(plan.Reason, new PublishException(plan.Name, plan.Reason));
            }
        }

        // Every image appears in the plan, in manifest order; one that failed before Diff says where and why.
        Plan = new SyncPlan([.. Jobs.Select(j => j.Plan ?? FailedPlan(j))], planned.StoreWasRead);
        return Plan;
    }

    private static ImagePlan FailedPlan(ImageJob job) =>
        new(job.Name, job.Image.ObjectKey, job.Image.Source.Type, ImageAction.Failed,
            job.Failure is { } failure ? $"failed {failure.Stage}: {WithoutName(job.Name, failure.Message)}" : "not planned", job.Image.ExpectedOutput, null);

    private static string WithoutName(string name, string message) =>
        message.StartsWith(name + ": ", StringComparison.Ordinal) ? message[(name.Length + 2)..] : message;

    /// <summary>Ends a stage that works on all images: throws <see cref="ImageFailedException"/> naming each image that failed in it.</summary>
    public void ThrowForFailuresIn(string stage)
    {
        var failed = Jobs.Where(j => j.Failure?.Stage == stage).ToList();
        if (failed.Count > 0)
        {
            throw new ImageFailedException(stage, failed);
        }
    }

    /// <summary>The store, opened once per run and required from here on.</summary>
    public async Task<IImageStore> OpenStoreAsync(CancellationToken cancellationToken) =>
        await OpenStoreAsync(required: true, cancellationToken)
        ?? throw new InvalidOperationException("the store could not be opened");

    public async ValueTask DisposeAsync()
    {
        foreach (var job in Jobs)
        {
            await job.CloseAsync();
        }

        Acquirer.Dispose();
        _work.Dispose();
        await _progressDisplay.DisposeAsync();
    }

    private static Task<string> FingerprintAsync(ImageDefinition image, CancellationToken cancellationToken) =>
        PackerFingerprint.ComputeAsync((PackerImageSource)image.Source, cancellationToken);

    private Task<IImageStore?> OpenStoreAsync(bool required, CancellationToken cancellationToken) => _openStore(required, cancellationToken);
}
