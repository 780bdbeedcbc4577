using ImagePipeline.Metadata;
using ImagePipeline.Storage;
using ImagePipeline.Testing;
using ImagePipeline.Verification;

namespace ImagePipeline.Tests.Storage;

/// <summary>
/// The <see cref="IImageStore"/> contract, run against every implementation (as restic does for its
/// backends). Subclasses supply a fresh, empty store and a way to read an object's bytes back.
/// Multipart-sized files are few MB: the S3 subclass uses 5 MiB parts.
/// </summary>
public abstract class ImageStoreContract : IAsyncLifetime
{
    protected const long MultipartFileSize = (12 * 1024 * 1024) + 123;

    protected TempDirectory Work { get; } = new("store-contract");

    protected OnFirstProgress Progress { get; } = new();

    protected IImageStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync(Progress);

    public virtual Task DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        Work.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A fresh, empty store that reports upload progress to <paramref name="progress"/>.</summary>
    protected abstract Task<IImageStore> CreateStoreAsync(IProgress<UploadProgress> progress);

    /// <summary>SHA-256 of the stored object's bytes, read past the store's own API.</summary>
    protected abstract Task<Checksum> HashStoredObjectAsync(string key);

    /// <summary>Leaves an upload of <paramref name="key"/> incomplete, as a killed process would.</summary>
    protected abstract Task LeaveIncompleteUploadAsync(string key);

    [Fact]
    public async Task Upload_NewFile_StatReturnsSizeAndDigest()
    {
        var (path, digest) = await NewFileAsync(100_000);

        await Store.UploadAsync("images/a/disk.raw", path, digest, default);

        var stored = await Store.StatAsync("images/a/disk.raw", default);
        Assert.NotNull(stored);
        Assert.Equal("images/a/disk.raw", stored.Key);
        Assert.Equal(100_000, stored.Size);
        Assert.Equal(digest, stored.Digest);
        Assert.InRange(stored.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(digest, await HashStoredObjectAsync("images/a/disk.raw"));
    }

    [Fact]
    public async Task Upload_ExistingKey_ReplacesBytesAndDigest()
    {
        var (first, firstDigest) = await NewFileAsync(50_000);
        var (second, secondDigest) = await NewFileAsync(70_000);
        await Store.UploadAsync("images/x.iso", first, firstDigest, default);

        await Store.UploadAsync("images/x.iso", second, secondDigest, default);

        var stored = await Store.StatAsync("images/x.iso", default);
        Assert.Equal(70_000, stored?.Size);
        Assert.Equal(secondDigest, stored?.Digest);
        Assert.Equal(secondDigest, await HashStoredObjectAsync("images/x.iso"));
    }

    [Fact]
    public async Task Upload_WhileOverwriting_ReadersStillSeeTheOldObject()
    {
        var (old, oldDigest) = await NewFileAsync(30_000);
        var (replacement, newDigest) = await NewFileAsync(MultipartFileSize);
        await Store.UploadAsync("images/live.raw", old, oldDigest, default);
        StoredObject? seenMidway = null;
        Checksum? bytesMidway = null;
        Progress.Arm("images/live.raw", () =>
        {
            seenMidway = Store.StatAsync("images/live.raw", default).GetAwaiter().GetResult();
            bytesMidway = HashStoredObjectAsync("images/live.raw").GetAwaiter().GetResult();
        });

        await Store.UploadAsync("images/live.raw", replacement, newDigest, default);

        Assert.True(Progress.Fired);
        Assert.Equal(30_000, seenMidway?.Size);
        Assert.Equal(oldDigest, seenMidway?.Digest);
        Assert.Equal(oldDigest, bytesMidway);
        Assert.Equal(newDigest, (await Store.StatAsync("images/live.raw", default))?.Digest);
    }

    [Fact]
    public async Task Upload_CancelledMidway_LeavesNothingVisibleOrIncomplete()
    {
        var (path, digest) = await NewFileAsync(MultipartFileSize);
        using var cancellation = new CancellationTokenSource();
        Progress.Arm("images/cancelled.raw", cancellation.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.UploadAsync("images/cancelled.raw", path, digest, cancellation.Token));

        Assert.True(Progress.Fired);
        Assert.Null(await Store.StatAsync("images/cancelled.raw", default));
        Assert.Empty(await ListKeysAsync("images/"));
        Assert.Equal(0, await Store.AbortIncompleteUploadsAsync("images/", TimeSpan.Zero, default));
    }

    [Fact]
    public async Task Upload_MultipartSizedFile_StoresExactBytes()
    {
        var (path, digest) = await NewFileAsync(MultipartFileSize);

        await Store.UploadAsync("images/multi.raw", path, digest, default);

        var stored = await Store.StatAsync("images/multi.raw", default);
        Assert.Equal(MultipartFileSize, stored?.Size);
        Assert.Equal(digest, stored?.Digest);
        Assert.Equal(digest, await HashStoredObjectAsync("images/multi.raw"));
    }

    [Fact]
    public async Task Upload_LargeFile_StoresExactBytes()
    {
        var (path, digest) = await NewFileAsync(20L * 1024 * 1024);

        await Store.UploadAsync("images/large/disk.qcow2", path, digest, default);

        Assert.Equal(20L * 1024 * 1024, (await Store.StatAsync("images/large/disk.qcow2", default))?.Size);
        Assert.Equal(digest, await HashStoredObjectAsync("images/large/disk.qcow2"));
    }

    [Fact]
    public async Task Upload_MissingLocalFile_ThrowsPermanentStoreException()
    {
        var error = await Assert.ThrowsAsync<StoreException>(() =>
            Store.UploadAsync("images/none.raw", Work.Combine("does-not-exist.raw"), Checksum.Parse("sha256:" + new string('0', 64)), default));

        Assert.False(error.IsRetryable);
        Assert.Contains("does-not-exist.raw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteMetadata_ThenRead_RoundTrips()
    {
        var metadata = SampleMetadata();

        await Store.WriteMetadataAsync("metadata/talos/metal-amd64.raw.json", metadata, default);

        var read = await Store.ReadMetadataAsync("metadata/talos/metal-amd64.raw.json", default);
        Assert.NotNull(read);
        Assert.Equal(metadata with { Source = read.Source }, read);
        Assert.Equal(metadata.Source.Variables, read.Source.Variables);
        Assert.Equal(metadata.Source.Type, read.Source.Type);
    }

    [Fact]
    public async Task WriteMetadata_Existing_Replaces()
    {
        await Store.WriteMetadataAsync("metadata/x.json", SampleMetadata(), default);

        await Store.WriteMetadataAsync("metadata/x.json", SampleMetadata() with { Size = 42 }, default);

        Assert.Equal(42, (await Store.ReadMetadataAsync("metadata/x.json", default))?.Size);
    }

    [Fact]
    public async Task ReadMetadata_Missing_ReturnsNull() =>
        Assert.Null(await Store.ReadMetadataAsync("metadata/missing.json", default));

    [Fact]
    public async Task Stat_Missing_ReturnsNull() =>
        Assert.Null(await Store.StatAsync("images/missing.raw", default));

    [Fact]
    public async Task List_ByPrefix_ReturnsMatchingKeysInOrderWithoutIncompleteUploads()
    {
        var (path, digest) = await NewFileAsync(1000);
        foreach (var key in new[] { "images/c.raw", "images/a/2.raw", "images/b.raw", "images/a/1.raw", "imagesque.raw", "other/z.raw" })
        {
            await Store.UploadAsync(key, path, digest, default);
        }

        await Store.WriteMetadataAsync("metadata/b.raw.json", SampleMetadata(), default);
        await LeaveIncompleteUploadAsync("images/b0.raw");

        Assert.Equal(["images/a/1.raw", "images/a/2.raw", "images/b.raw", "images/c.raw"], await ListKeysAsync("images/"));
        Assert.Equal(["images/a/1.raw", "images/a/2.raw"], await ListKeysAsync("images/a"));
        Assert.Equal(["images/b.raw"], await ListKeysAsync("images/b"));
        Assert.Equal(["metadata/b.raw.json"], await ListKeysAsync("metadata/"));
        Assert.Equal(7, (await ListKeysAsync(string.Empty)).Count);
        Assert.Empty(await ListKeysAsync("nothing/"));
        await foreach (var stored in Store.ListAsync("images/a/", default))
        {
            Assert.Equal(1000, stored.Size);
            Assert.True(stored.Digest is null || stored.Digest == digest);
        }
    }

    [Fact]
    public async Task AbortIncompleteUploads_LeftoverUpload_RemovesItOnceAndOnlyOlderOnes()
    {
        await LeaveIncompleteUploadAsync("images/killed.raw");

        Assert.Equal(0, await Store.AbortIncompleteUploadsAsync("images/", TimeSpan.FromHours(24), default));
        Assert.Equal(0, await Store.AbortIncompleteUploadsAsync("other/", TimeSpan.Zero, default));
        Assert.Equal(1, await Store.AbortIncompleteUploadsAsync("images/", TimeSpan.Zero, default));
        Assert.Equal(0, await Store.AbortIncompleteUploadsAsync("images/", TimeSpan.Zero, default));
        Assert.Null(await Store.StatAsync("images/killed.raw", default));
    }

    [Fact]
    public async Task Delete_Existing_RemovesObject()
    {
        var (path, digest) = await NewFileAsync(1000);
        await Store.UploadAsync("images/gone/x.raw", path, digest, default);

        await Store.DeleteAsync("images/gone/x.raw", default);

        Assert.Null(await Store.StatAsync("images/gone/x.raw", default));
        Assert.Empty(await ListKeysAsync(string.Empty));
    }

    [Fact]
    public async Task Delete_Missing_DoesNothing()
    {
        await Store.DeleteAsync("images/never/was.raw", default);

        Assert.Empty(await ListKeysAsync(string.Empty));
    }

    [Theory]
    [InlineData("/abs.raw")]
    [InlineData("images/../escape.raw")]
    [InlineData("images//double.raw")]
    [InlineData("images/.hidden.raw")]
    public async Task Stat_InvalidKey_ThrowsArgumentException(string key) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store.StatAsync(key, default));

    protected static ImageMetadata SampleMetadata() => new()
    {
        Name = "talos-1.9.1",
        Checksum = "sha256:" + new string('a', 64),
        Size = 1_234_567_890,
        UploadedAt = new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero),
        Source = new MetadataSource { Type = "packer", Path = "packer/talos", Variables = ["version", "token"] },
        SourceChecksum = null,
        Fingerprint = "sha256:" + new string('b', 64),
        ToolVersion = "1.2.3",
    };

    protected async Task<(string Path, Checksum Digest)> NewFileAsync(long size)
    {
        var path = Work.Combine(Guid.NewGuid().ToString("N") + ".bin");
        return (path, await RandomFile.WriteAsync(path, size));
    }

    protected async Task<List<string>> ListKeysAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var stored in Store.ListAsync(prefix, default))
        {
            keys.Add(stored.Key);
        }

        return keys;
    }
}
