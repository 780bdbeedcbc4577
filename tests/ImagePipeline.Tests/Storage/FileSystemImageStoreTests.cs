using ImagePipeline.Storage;
using ImagePipeline.Storage.FileSystem;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Tests.Storage;

public sealed class FileSystemImageStoreTests : ImageStoreContract
{
    private string Root => Work.Combine("store");

    protected override Task<IImageStore> CreateStoreAsync(IProgress<UploadProgress> progress) =>
        Task.FromResult<IImageStore>(new FileSystemImageStore(Root, Logger.None, progress));

    protected override async Task<Checksum> HashStoredObjectAsync(string key)
    {
        await using var file = File.OpenRead(Path.Combine(Root, key));
        return await RandomFile.HashAsync(file);
    }

    /// <summary>A staged file whose writer died: nobody holds its lock.</summary>
    protected override Task LeaveIncompleteUploadAsync(string key)
    {
        var staged = Path.Combine(Root, ".staging", key + "~dead01");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.WriteAllText(staged, "partial");
        File.SetLastWriteTimeUtc(staged, DateTime.UtcNow.AddSeconds(-5));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Staged_WhileWriting_BytesLiveInTheStagingFolderOnly()
    {
        var (path, digest) = await NewFileAsync(5000);
        await using var upload = await Store.BeginUploadAsync("images/t/disk.raw", digest, default);

        await WriteFileAsync(upload, path);

        Assert.False(Directory.Exists(Path.Combine(Root, "images")));
        var staged = Assert.Single(Directory.GetFiles(Path.Combine(Root, ".staging"), "*", SearchOption.AllDirectories));
        Assert.StartsWith(Path.Combine(Root, ".staging", "images", "t", "disk.raw~"), staged, StringComparison.Ordinal);
        Assert.Equal(5000, new FileInfo(staged).Length);
    }

    [Fact]
    public async Task AbortIncompleteUploads_LiveWriter_IsKeptAndCanStillCommit()
    {
        var (path, digest) = await NewFileAsync(5000);
        await using var upload = await Store.BeginUploadAsync("images/alive.raw", digest, default);
        await WriteFileAsync(upload, path);

        var removed = await Store.AbortIncompleteUploadsAsync(new StagedUploadFilter(string.Empty, DateTimeOffset.UtcNow.AddHours(1)), default);

        Assert.Equal(0, removed);
        await upload.CommitAsync(digest, default);
        Assert.Equal(digest, await HashStoredObjectAsync("images/alive.raw"));
    }

    [Fact]
    public async Task AbortIncompleteUploads_TempFileOfAnOlderVersionInsideImages_IsRemoved()
    {
        Directory.CreateDirectory(Path.Combine(Root, "images", "t"));
        var legacy = Path.Combine(Root, "images", "t", ".disk.raw.tmp-dead01");
        await File.WriteAllTextAsync(legacy, "partial");

        Assert.Equal(1, await Store.AbortIncompleteUploadsAsync(new StagedUploadFilter("images/", DateTimeOffset.UtcNow.AddMinutes(1)), default));
        Assert.False(File.Exists(legacy));
    }

    [Fact]
    public async Task Check_RootIsARegularFile_FailsSayingSo()
    {
        await File.WriteAllTextAsync(Work.Combine("plain-file"), "x");
        var store = new FileSystemImageStore(Work.Combine("plain-file"), Logger.None);

        var error = await Assert.ThrowsAsync<StoreException>(() => store.CheckAsync(default));

        Assert.False(error.IsRetryable);
        Assert.Contains("is a file, not a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MissingRoot_IsCreated()
    {
        var store = new FileSystemImageStore(Work.Combine("new", "store"), Logger.None);

        await store.CheckAsync(default);

        Assert.True(Directory.Exists(Work.Combine("new", "store")));
    }

    [Fact]
    public async Task Upload_Completed_LeavesOnlyTargetAndDigestSidecarOnDisk()
    {
        var (path, digest) = await NewFileAsync(5000);

        await UploadAsync("images/talos/disk.raw", path, digest);

        var files = Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f)).Order(StringComparer.Ordinal);
        Assert.Equal(["images/talos/disk.raw", ".digests/images/talos/disk.raw.digest"], files.Reverse());
        Assert.Equal(digest.ToString(), await File.ReadAllTextAsync(Path.Combine(Root, ".digests/images/talos/disk.raw.digest")));
    }

    [Fact]
    public async Task Delete_LastObjectInDirectory_RemovesEmptyDirectories()
    {
        var (path, digest) = await NewFileAsync(10);
        await UploadAsync("images/a/b/c.raw", path, digest);

        await Store.DeleteAsync("images/a/b/c.raw", default);

        Assert.Equal([".staging"], Directory.GetFileSystemEntries(Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Stat_ImageWithoutSidecar_ReturnsNullDigest()
    {
        Directory.CreateDirectory(Path.Combine(Root, "images"));
        await File.WriteAllTextAsync(Path.Combine(Root, "images", "copied-by-hand.raw"), "bytes");

        var stored = await Store.StatAsync("images/copied-by-hand.raw", default);

        Assert.Equal(5, stored?.Size);
        Assert.Null(stored?.Digest);
    }

    [Fact]
    public async Task ReadMetadata_Corrupt_ThrowsInvalidMetadataNamingKey()
    {
        Directory.CreateDirectory(Path.Combine(Root, "metadata"));
        await File.WriteAllTextAsync(Path.Combine(Root, "metadata", "bad.json"), "{ \"name\": ");

        var error = await Assert.ThrowsAsync<ImagePipeline.Metadata.InvalidMetadataException>(() => Store.ReadMetadataAsync("metadata/bad.json", default));

        Assert.Equal("metadata/bad.json", error.Key);
    }
}
