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
    public async Task Check_UsableStore_Passes() => await Store.CheckAsync(default);

    [Fact]
    public async Task Upload_NewFile_StatReturnsSizeAndDigest()
    {
        var (path, digest) = await NewFileAsync(100_000);

        await UploadAsync("images/a/disk.raw", path, digest);

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
        await UploadAsync("images/x.iso", first, firstDigest);

        await UploadAsync("images/x.iso", second, secondDigest);

        var stored = await Store.StatAsync("images/x.iso", default);
        Assert.Equal(70_000, stored?.Size);
        Assert.Equal(secondDigest, stored?.Digest);
        Assert.Equal(secondDigest, await HashStoredObjectAsync("images/x.iso"));
    }

    [Fact]
    public async Task Staged_AllBytesWrittenButNotCommitted_NothingIsVisible()
    {
        var (path, digest) = await NewFileAsync(MultipartFileSize);
        await using var upload = await Store.BeginUploadAsync("images/staged.raw", digest, default);

        await WriteFileAsync(upload, path);
        await upload.FlushAsync(default);

        Assert.Equal(MultipartFileSize, upload.Length);
        Assert.Null(await Store.StatAsync("images/staged.raw", default));
        Assert.Empty(await ListKeysAsync(string.Empty));
        await upload.CommitAsync(digest, default);
        Assert.Equal(digest, (await Store.StatAsync("images/staged.raw", default))?.Digest);
        Assert.Equal(digest, await HashStoredObjectAsync("images/staged.raw"));
    }

    [Fact]
    public async Task Staged_WhileReplacing_ReadersStillSeeTheOldObject()
    {
        var (old, oldDigest) = await NewFileAsync(30_000);
        var (replacement, newDigest) = await NewFileAsync(MultipartFileSize);
        await UploadAsync("images/live.raw", old, oldDigest);
        await using var upload = await Store.BeginUploadAsync("images/live.raw", newDigest, default);

        await WriteFileAsync(upload, replacement);
        await upload.FlushAsync(default);

        var midway = await Store.StatAsync("images/live.raw", default);
        Assert.Equal(30_000, midway?.Size);
        Assert.Equal(oldDigest, midway?.Digest);
        Assert.Equal(oldDigest, await HashStoredObjectAsync("images/live.raw"));
        await upload.CommitAsync(newDigest, default);
        Assert.Equal(newDigest, (await Store.StatAsync("images/live.raw", default))?.Digest);
        Assert.Equal(newDigest, await HashStoredObjectAsync("images/live.raw"));
    }

    [Fact]
    public async Task Staged_Aborted_LeavesNothingVisibleOrIncomplete()
    {
        var (path, digest) = await NewFileAsync(MultipartFileSize);
        var upload = await Store.BeginUploadAsync("images/aborted.raw", digest, default);
        await WriteFileAsync(upload, path);
        await upload.FlushAsync(default);

        await upload.AbortAsync();
        await upload.AbortAsync();

        Assert.Null(await Store.StatAsync("images/aborted.raw", default));
        Assert.Empty(await ListKeysAsync(string.Empty));
        Assert.Equal(0, await Store.AbortIncompleteUploadsAsync(new StagedUploadFilter(string.Empty, DateTimeOffset.UtcNow.AddHours(1)), default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => upload.CommitAsync(digest, default));
    }

    [Fact]
    public async Task Staged_DisposedWithoutCommit_LeavesNothing()
    {
        var (path, digest) = await NewFileAsync(MultipartFileSize);
        await using (var upload = await Store.BeginUploadAsync("images/dropped.raw", digest, default))
        {
            await WriteFileAsync(upload, path);
        }

        Assert.Null(await Store.StatAsync("images/dropped.raw", default));
        Assert.Equal(0, await Store.AbortIncompleteUploadsAsync(new StagedUploadFilter(string.Empty, DateTimeOffset.UtcNow.AddHours(1)), default));
    }

    [Fact]
    public async Task Staged_CancelledMidway_ThenAborted_LeavesNothing()
    {
        var (path, digest) = await NewFileAsync(MultipartFileSize);
        using var cancellation = new CancellationTokenSource();
        Progress.Arm("images/cancelled.raw", cancellation.Cancel);
        var upload = await Store.BeginUploadAsync("images/cancelled.raw", digest, default);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await WriteFileAsync(upload, path, cancellation.Token);
            await upload.FlushAsync(cancellation.Token);
            await upload.CommitAsync(digest, cancellation.Token);
        });
        await upload.AbortAsync();

        Assert.True(Progress.Fired);
        Assert.Null(await Store.StatAsync("images/cancelled.raw", default));
        Assert.Empty(await ListKeysAsync("images/"));
        Assert.Equal(0, await Store.AbortIncompleteUploadsAsync(new StagedUploadFilter("images/", DateTimeOffset.UtcNow.AddHours(1)), default));
    }

    [Fact]
    public async Task Staged_CommitWithAnotherDigest_IsRefusedAndTheOldObjectStays()
    {
        var (old, oldDigest) = await NewFileAsync(1000);
        var (path, digest) = await NewFileAsync(MultipartFileSize);
        await UploadAsync("images/lie.raw", old, oldDigest);
        var upload = await Store.BeginUploadAsync("images/lie.raw", digest, default);
        await WriteFileAsync(upload, path);

        var error = await Assert.ThrowsAsync<StoreException>(() => upload.CommitAsync(oldDigest, default));

        Assert.False(error.IsRetryable);
        Assert.Contains("images/lie.raw", error.Message, StringComparison.Ordinal);
        Assert.Equal(oldDigest, (await Store.StatAsync("images/lie.raw", default))?.Digest);
        Assert.Equal(oldDigest, await HashStoredObjectAsync("images/lie.raw"));
        Assert.Equal(0, await Store.AbortIncompleteUploadsAsync(new StagedUploadFilter(string.Empty, DateTimeOffset.UtcNow.AddHours(1)), default));
    }

    [Fact]
    public async Task Staged_EmptyObject_IsStored()
    {
        var digest = Checksum.FromBytes(HashAlgorithmKind.Sha256, System.Security.Cryptography.SHA256.HashData(ReadOnlySpan<byte>.Empty));
        await using var upload = await Store.BeginUploadAsync("images/empty.raw", digest, default);

        await upload.CommitAsync(digest, default);

        Assert.Equal(0, (await Store.StatAsync("images/empty.raw", default))?.Size);
        Assert.Equal(digest, await HashStoredObjectAsync("images/empty.raw"));
    }

    [Fact]
    public async Task Staged_WriteAfterCommit_Throws()
    {
        var (path, digest) = await NewFileAsync(10);
        await using var upload = await Store.BeginUploadAsync("images/done.raw", digest, default);
        await WriteFileAsync(upload, path);
        await upload.CommitAsync(digest, default);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await upload.WriteAsync(new byte[1], default));
    }

    [Fact]
    public async Task Upload_MultipartSizedFile_StoresExactBytes()
    {
        var (path, digest) = await NewFileAsync(MultipartFileSize);

        await UploadAsync("images/multi.raw", path, digest);

        var stored = await Store.StatAsync("images/multi.raw", default);
        Assert.Equal(MultipartFileSize, stored?.Size);
        Assert.Equal(digest, stored?.Digest);
        Assert.Equal(digest, await HashStoredObjectAsync("images/multi.raw"));
    }

    [Fact]
    public async Task Upload_LargeFile_StoresExactBytes()
    {
        var (path, digest) = await NewFileAsync(20L * 1024 * 1024);

        await UploadAsync("images/large/disk.qcow2", path, digest);

        Assert.Equal(20L * 1024 * 1024, (await Store.StatAsync("images/large/disk.qcow2", default))?.Size);
        Assert.Equal(digest, await HashStoredObjectAsync("images/large/disk.qcow2"));
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
    public async Task OpenRead_MultipartSizedObject_StreamsExactBytes()
    {
        var (path, digest) = await NewFileAsync(MultipartFileSize);
        await UploadAsync("images/read/multi.raw", path, digest);

        await using var stream = await Store.OpenReadAsync("images/read/multi.raw", 0, default);

        Assert.NotNull(stream);
        Assert.Equal(digest, await RandomFile.HashAsync(stream));
    }

    [Fact]
    public async Task OpenRead_AtAnOffset_StreamsTheRest()
    {
        var (path, digest) = await NewFileAsync(100_000);
        await UploadAsync("images/read/x.raw", path, digest);
        var bytes = await File.ReadAllBytesAsync(path);

        await using var stream = (await Store.OpenReadAsync("images/read/x.raw", 99_000, default))!;
        using var rest = new MemoryStream();
        await stream.CopyToAsync(rest);

        Assert.Equal(bytes[99_000..], rest.ToArray());
    }

    [Fact]
    public async Task OpenRead_Missing_ReturnsNull() =>
        Assert.Null(await Store.OpenReadAsync("images/missing.raw", 0, default));

    [Fact]
    public async Task Stat_Missing_ReturnsNull() =>
        Assert.Null(await Store.StatAsync("images/missing.raw", default));

    [Fact]
    public async Task List_ByPrefix_ReturnsMatchingKeysInOrderWithoutIncompleteUploads()
    {
        var (path, digest) = await NewFileAsync(1000);
        foreach (var key in new[] { "images/c.raw", "images/a/2.raw", "images/b.raw", "images/a/1.raw", "imagesque.raw", "other/z.raw" })
        {
            await UploadAsync(key, path, digest);
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

        var later = DateTimeOffset.UtcNow.AddMinutes(1);

        Assert.Equal(0, await Store.AbortIncompleteUploadsAsync(new StagedUploadFilter("images/", DateTimeOffset.UtcNow.AddHours(-24)), default));
        Assert.Equal(0, await Store.AbortIncompleteUploadsAsync(new StagedUploadFilter("other/", later), default));
        Assert.Equal(1, await Store.AbortIncompleteUploadsAsync(new StagedUploadFilter("images/", later), default));
        Assert.Equal(0, await Store.AbortIncompleteUploadsAsync(new StagedUploadFilter("images/", later), default));
        Assert.Null(await Store.StatAsync("images/killed.raw", default));
    }

    [Fact]
    public async Task AbortIncompleteUploads_ForKeys_TouchesOnlyThoseKeys()
    {
        await LeaveIncompleteUploadAsync("images/t/x.raw");
        await LeaveIncompleteUploadAsync("images/t/x.raw.sig");
        var later = DateTimeOffset.UtcNow.AddMinutes(1);

        Assert.Equal(1, await Store.AbortIncompleteUploadsAsync(StagedUploadFilter.ForKeys(["images/t/x.raw"], later), default));
        Assert.Equal(0, await Store.AbortIncompleteUploadsAsync(StagedUploadFilter.ForKeys(["images/t/x.raw"], later), default));
        Assert.Equal(1, await Store.AbortIncompleteUploadsAsync(StagedUploadFilter.ForKeys(["images/t/x.raw.sig", "images/u/y.raw"], later), default));
    }

    [Fact]
    public async Task Delete_Existing_RemovesObject()
    {
        var (path, digest) = await NewFileAsync(1000);
        await UploadAsync("images/gone/x.raw", path, digest);

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
        Checksum = Checksum.Parse("sha256:" + new string('a', 64)),
        Size = 1_234_567_890,
        UploadedAt = new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero),
        Source = new MetadataSource { Type = "packer", Path = "packer/talos", Variables = ["version", "token"] },
        SourceChecksum = null,
        Fingerprint = "sha256:" + new string('b', 64),
        ToolVersion = "1.2.3",
    };

    /// <summary>A whole staged upload of a local file: begin, stream, commit.</summary>
    protected async Task UploadAsync(string key, string path, Checksum digest, CancellationToken cancellationToken = default)
    {
        await using var upload = await Store.BeginUploadAsync(key, digest, cancellationToken);
        await WriteFileAsync(upload, path, cancellationToken);
        await upload.CommitAsync(digest, cancellationToken);
    }

    protected static async Task WriteFileAsync(IStagedUpload upload, string path, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[1024 * 1024];
        await using var file = File.OpenRead(path);
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await upload.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

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
