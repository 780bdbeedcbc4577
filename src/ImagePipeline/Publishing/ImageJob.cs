using ImagePipeline.Manifest;
using ImagePipeline.Metadata;
using ImagePipeline.Planning;
using ImagePipeline.Progress;
using ImagePipeline.Sources;
using ImagePipeline.Storage;
using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Publishing;

/// <summary>
/// One image's whole chain in one run: check → plan → stage (acquire straight into a staged upload) →
/// verify → commit → record. Each build target calls one method; each method records the first failure
/// (stage and reason) before rethrowing, and a failure anywhere aborts the staged upload, so nothing
/// unverified is ever visible. The digest recorded is the one computed over the bytes as they went into
/// the staged object. State lives here, never on the build.
/// </summary>
public sealed class ImageJob
{
    private readonly PublishRun _run;
    private readonly ILogger _logger;
    private ImageLock? _lock;
    private IStagedUpload? _upload;
    private AcquiredImage? _acquired;
    private long _started;

    internal ImageJob(PublishRun run, ImageDefinition image, ImageProgress progress, ILogger logger)
    {
        _run = run;
        Image = image;
        Progress = progress;
        _logger = logger;
    }

    public ImageDefinition Image { get; }

    public string Name => Image.Name;

    public ImageProgress Progress { get; }

    /// <summary>What Validate found (e.g. "200 (HEAD), 1.2 GiB"); null before it ran.</summary>
    public string? CheckNote { get; private set; }

    /// <summary>Diff's decision; null when Diff did not run (Acquire on its own: the image needs work).</summary>
    public ImagePlan? Plan { get; internal set; }

    /// <summary>The first thing that went wrong; null while the image is healthy.</summary>
    public ImageFailure? Failure { get; private set; }

    public bool IsHealthy => Failure is null;

    public bool NeedsWork => Plan?.NeedsWork ?? true;

    /// <summary>The published object's digest and size once recorded.</summary>
    public ImageMetadata? Published { get; private set; }

    /// <summary>From the start of Acquire to the end of WriteMetadata (or the failure).</summary>
    public TimeSpan Duration { get; private set; }

    internal async Task CheckAsync(bool offline, CancellationToken cancellationToken)
    {
        Progress.Enter(ImageStage.Checking);
        try
        {
            CheckNote = await _run.Acquirer.ReaderFor(Image).CheckAsync(Image, offline, cancellationToken);
            Progress.Enter(ImageStage.Pending);
        }
        catch (Exception e) when (e is ImagePipelineException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // One image's problem is that image's failure; the run reports it and the others go on.
            Record("Validate", e.Message, e);
        }
    }

    /// <summary>Takes this checkout's lock on the image (a second run fails the image instead of interfering).</summary>
    /// <returns>False when another run holds it; the image has then failed.</returns>
    internal bool TryLock(string stage)
    {
        try
        {
            _lock ??= ImageLock.Take(_run.Options.WorkRoot, Name);
            return true;
        }
        catch (PublishException e)
        {
            Record(stage, e.Message, e);
            return false;
        }
    }

    internal void FailPlan(string reason, Exception exception) => Record("Diff", reason, exception);

    /// <summary>Acquire[image]: streams the source into a staged upload, hashing on the way (nothing visible yet).</summary>
    public Task AcquireAsync(CancellationToken cancellationToken) => RunAsync("Acquire", async () =>
    {
        _started = System.Diagnostics.Stopwatch.GetTimestamp();
        _lock ??= ImageLock.Take(_run.Options.WorkRoot, Name);
        var store = await _run.OpenStoreAsync(cancellationToken);
        if (Plan is null)
        {
            await store.AbortIncompleteUploadsAsync(StagedUploadFilter.ForKeys([Image.ObjectKey], _run.Options.StartedAt), cancellationToken);
        }

        Progress.Enter(ImageStage.Acquiring);
        _run.Board.Track(Image.ObjectKey, Progress);
        _acquired = await _run.Acquirer.AcquireAsync(Image, async (declared, ct) =>
        {
            if (_upload is not null)
            {
                await _upload.AbortAsync();
            }

            var digest = declared ?? throw new PublishException(Name, "the digest of the output is not known before the upload (run Pin first)");
            _upload = await store.BeginUploadAsync(Image.ObjectKey, digest, ct);
            return _upload;
        }, Progress, cancellationToken);
    });

    /// <summary>Verify[image]: the digests computed while streaming against the manifest (or the build).</summary>
    public Task VerifyAsync() => RunAsync("Verify", () =>
    {
        Progress.Enter(ImageStage.Verifying);
        var acquired = _acquired ?? throw new PublishException(Name, "nothing was acquired to verify (Acquire did not run)");
        Verifier.Verify(Image, acquired);
        _logger.Information("{Image}: verified {Digest}", Name, acquired.OutputDigest);
        return Task.CompletedTask;
    });

    /// <summary>
    /// Upload[image]: makes the staged object visible. On a replace the old metadata goes first, so the
    /// store never shows the new bytes under the old digest (an object without metadata reads as "needs work").
    /// </summary>
    public Task CommitAsync(CancellationToken cancellationToken) => RunAsync("Upload", async () =>
    {
        Progress.Enter(ImageStage.Committing);
        var upload = _upload ?? throw new PublishException(Name, "nothing was staged to upload (Acquire did not run)");
        var store = await _run.OpenStoreAsync(cancellationToken);
        if (Plan is null or { Action: ImageAction.Replace })
        {
            await store.DeleteAsync(Image.MetadataKey, cancellationToken);
        }

        await upload.CommitAsync(_acquired!.OutputDigest, cancellationToken);
        _logger.Information("{Image}: uploaded {Key} ({Size})", Name, Image.ObjectKey, ByteSize.Format(_acquired.Size));
    });

    /// <summary>WriteMetadata[image]: the metadata document, last, so nothing half-done ever looks done.</summary>
    public Task RecordAsync(CancellationToken cancellationToken) => RunAsync("WriteMetadata", async () =>
    {
        Progress.Enter(ImageStage.Recording);
        var store = await _run.OpenStoreAsync(cancellationToken);
        var metadata = ImageMetadataFactory.Create(Image, _acquired!, DateTimeOffset.UtcNow);
        await store.WriteMetadataAsync(Image.MetadataKey, metadata, cancellationToken);
        Published = metadata;
        _logger.Information("{Image}: metadata written to {Key}", Name, Image.MetadataKey);
        Progress.Enter(ImageStage.Done);
        Finish();
    });

    /// <summary>Ends the job: an upload that was never committed is aborted, the lock released.</summary>
    internal async Task CloseAsync()
    {
        if (_upload is not null)
        {
            await _upload.DisposeAsync();
            _upload = null;
        }

        _lock?.Dispose();
        _lock = null;
    }

    private async Task RunAsync(string stage, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e)
        {
            Record(stage, e is OperationCanceledException ? "cancelled" : e.Message, e);
            if (_upload is not null)
            {
                await _upload.AbortAsync();
            }

            throw;
        }
    }

    private void Record(string stage, string reason, Exception exception)
    {
        Failure ??= new ImageFailure(stage, reason.StartsWith(Name, StringComparison.Ordinal) ? reason : $"{Name}: {reason}", exception);
        Progress.Enter(ImageStage.Failed);
        Finish();
    }

    private void Finish()
    {
        if (_started != 0 && Duration == TimeSpan.Zero)
        {
            Duration = System.Diagnostics.Stopwatch.GetElapsedTime(_started);
        }
    }
}
