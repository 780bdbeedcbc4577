using System.Security.Cryptography;
using ImagePipeline.Planning;
using ImagePipeline.Progress;
using ImagePipeline.Publishing;
using ImagePipeline.Sources;
using ImagePipeline.Sources.Packer;
using ImagePipeline.Storage;
using ImagePipeline.Testing;
using ImagePipeline.Tests.Sources;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Tests.Publishing;

/// <summary>
/// The per-image chain on the in-memory store (which keeps the store contract): bytes are only staged
/// until Upload commits them, a failed Verify leaves nothing staged or visible, a run that ends early
/// aborts what it staged, and a replace drops the old metadata before the new bytes appear.
/// </summary>
public sealed class PublishRunTests : IDisposable
{
    private readonly TempDirectory _work = new("publish-run");
    private readonly ProgressBoard _board = new();
    private readonly InMemoryImageStore _store;
    private readonly byte[] _content = RandomNumberGenerator.GetBytes(200_000);

    public PublishRunTests() => _store = new InMemoryImageStore { Progress = _board };

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Chain_StagesThenCommitsThenRecords()
    {
        var image = Image();
        await using var run = CreateRun(image);
        var job = run.Job(image.Name);
        await run.PlanAsync(default);

        await job.AcquireAsync(default);

        Assert.Null(await _store.StatAsync(image.ObjectKey, default));
        Assert.Equal(1, _store.StagedCount);
        await job.VerifyAsync();
        await job.CommitAsync(default);
        Assert.Equal(_content, _store.Read(image.ObjectKey));
        Assert.Null(await _store.ReadMetadataAsync(image.MetadataKey, default));
        await job.RecordAsync(default);
        Assert.Equal(image.ExpectedOutput, (await _store.ReadMetadataAsync(image.MetadataKey, default))?.Checksum);
        Assert.Equal(ImageStage.Done, job.Progress.Stage);
        Assert.Equal(_content.Length, job.Progress.Snapshot().UploadedBytes);
    }

    [Fact]
    public async Task Verify_WrongExpectedDigest_AbortsTheStagedUploadAndRecordsTheStage()
    {
        var image = Image() with { ExpectedOutput = TestImages.Sha256Of("something else") };
        await using var run = CreateRun(image);
        var job = run.Job(image.Name);
        await job.AcquireAsync(default);

        await Assert.ThrowsAsync<ChecksumMismatchException>(job.VerifyAsync);

        Assert.Equal("Verify", job.Failure?.Stage);
        Assert.False(job.IsHealthy);
        Assert.Equal(0, _store.StagedCount);
        Assert.Null(await _store.StatAsync(image.ObjectKey, default));
    }

    [Fact]
    public async Task Run_EndsAfterAcquire_AbortsWhatItStaged()
    {
        var image = Image();
        var run = CreateRun(image);
        await run.Job(image.Name).AcquireAsync(default);

        await run.DisposeAsync();

        Assert.Equal(0, _store.StagedCount);
        Assert.Null(await _store.StatAsync(image.ObjectKey, default));
    }

    [Fact]
    public async Task Commit_Replace_DeletesTheOldMetadataBeforeTheNewBytesAppear()
    {
        var image = Image();
        TestImages.Publish(_store, image, TestImages.Sha256Of("old").ToString());
        await using var run = CreateRun(image);
        var job = run.Job(image.Name);
        Assert.Equal(ImageAction.Replace, (await run.PlanAsync(default)).Images[0].Action);
        await job.AcquireAsync(default);
        await job.VerifyAsync();

        await job.CommitAsync(default);

        Assert.Contains(image.MetadataKey, _store.Deleted);
        Assert.Null(await _store.ReadMetadataAsync(image.MetadataKey, default));
        Assert.Equal(_content, _store.Read(image.ObjectKey));
    }

    [Fact]
    public async Task Plan_LeftoverStagedUploadOfARunThatDied_IsRemovedEvenWhenUnchanged()
    {
        var image = Image();
        TestImages.Publish(_store, image);
        _store.LeaveStaged(image.ObjectKey, DateTimeOffset.UtcNow.AddMinutes(-5));
        _store.LeaveStaged(image.ObjectKey + ".sig", DateTimeOffset.UtcNow.AddMinutes(-5));
        await using var run = CreateRun(image);

        var plan = await run.PlanAsync(default);

        Assert.Equal(ImageAction.Unchanged, plan.Images[0].Action);
        Assert.Equal(1, _store.StagedCount);
    }

    [Fact]
    public async Task Plan_MetadataThatIsNotMetadata_IsAReplaceNotARunFailure()
    {
        var image = Image();
        var store = new FaultyMetadataStore(_store, image.MetadataKey);
        await using var run = CreateRun(image, store);

        var plan = await run.PlanAsync(default);

        Assert.Equal(ImageAction.Replace, plan.Images[0].Action);
        Assert.Contains("cannot be read", plan.Images[0].Reason, StringComparison.Ordinal);
        Assert.True(run.Job(image.Name).IsHealthy);
    }

    [Fact]
    public async Task Run_ShowsProgressThroughTheConsumerItWasGiven_AndStopsItLast()
    {
        var image = Image();
        TestImages.Publish(_store, image);
        var display = new RecordingDisplay();
        var run = new PublishRun([image], (_, _) => Task.FromResult<IImageStore?>(_store),
            new AcquisitionSettings(FastOptions.Create(), new PackerOptions(), null, 0, _ => null),
            new PublishOptions { WorkRoot = _work.Combine("temp") }, _board, Logger.None, board => display.Start(board));
        await run.PlanAsync(default);

        Assert.Same(_board, display.Board);
        Assert.Equal(1, display.ImagesAtStart); // started once every image is on the board: its first frame shows them all
        Assert.Equal(ImageStage.Unchanged, display.Board!.Images.Single().Stage);
        Assert.False(display.Stopped);
        await run.DisposeAsync();
        Assert.True(display.Stopped);
    }

    private ImagePipeline.Manifest.ImageDefinition Image()
    {
        var path = _work.Combine("source.raw");
        File.WriteAllBytes(path, _content);
        return TestImages.File("disk", path, TestImages.Sha256(_content));
    }

    private PublishRun CreateRun(ImagePipeline.Manifest.ImageDefinition image, IImageStore? store = null) => new(
        [image],
        (_, _) => Task.FromResult<IImageStore?>(store ?? _store),
        new AcquisitionSettings(FastOptions.Create(), new PackerOptions(), null, 0, _ => null),
        new PublishOptions { WorkRoot = _work.Combine("temp") },
        _board,
        Logger.None);

    /// <summary>The in-memory store, except that one metadata document cannot be parsed.</summary>
    private sealed class FaultyMetadataStore(InMemoryImageStore inner, string brokenKey) : IImageStore
    {
        public string Description => inner.Description;

        public Task CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);

        public Task<IStagedUpload> BeginUploadAsync(string key, Checksum digest, CancellationToken cancellationToken) => inner.BeginUploadAsync(key, digest, cancellationToken);

        public Task<StoredObject?> StatAsync(string key, CancellationToken cancellationToken) => inner.StatAsync(key, cancellationToken);

        public Task<Stream?> OpenReadAsync(string key, long offset, CancellationToken cancellationToken) => inner.OpenReadAsync(key, offset, cancellationToken);

        public Task<ImagePipeline.Metadata.ImageMetadata?> ReadMetadataAsync(string key, CancellationToken cancellationToken) =>
            key == brokenKey
                ? throw new ImagePipeline.Metadata.InvalidMetadataException(key, "the document is empty")
                : inner.ReadMetadataAsync(key, cancellationToken);

        public Task WriteMetadataAsync(string key, ImagePipeline.Metadata.ImageMetadata metadata, CancellationToken cancellationToken) => inner.WriteMetadataAsync(key, metadata, cancellationToken);

        public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task<int> AbortIncompleteUploadsAsync(StagedUploadFilter filter, CancellationToken cancellationToken) => inner.AbortIncompleteUploadsAsync(filter, cancellationToken);
    }

    /// <summary>A progress consumer that remembers the board it was started with and whether it was stopped.</summary>
    private sealed class RecordingDisplay : IAsyncDisposable
    {
        public ProgressBoard? Board { get; private set; }

        public int ImagesAtStart { get; private set; }

        public bool Stopped { get; private set; }

        public RecordingDisplay Start(ProgressBoard board)
        {
            Board = board;
            ImagesAtStart = board.Images.Count;
            return this;
        }

        public ValueTask DisposeAsync()
        {
            Stopped = true;
            return ValueTask.CompletedTask;
        }
    }
}
