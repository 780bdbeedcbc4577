using ImagePipeline.Storage;
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

    protected override Task LeaveIncompleteUploadAsync(string key)
    {
        var target = Path.Combine(Root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + ".tmp-dead01"), "partial");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Upload_Completed_LeavesOnlyTargetAndDigestSidecarOnDisk()
    {
        var (path, digest) = await NewFileAsync(5000);

        await Store.UploadAsync("images/talos/disk.raw", path, digest, default);

        var files = Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f)).Order(StringComparer.Ordinal);
        Assert.Equal(["images/talos/disk.raw", ".digests/images/talos/disk.raw.digest"], files.Reverse());
        Assert.Equal(digest.ToString(), await File.ReadAllTextAsync(Path.Combine(Root, ".digests/images/talos/disk.raw.digest")));
    }

    [Fact]
    public async Task Delete_LastObjectInDirectory_RemovesEmptyDirectories()
    {
        var (path, digest) = await NewFileAsync(10);
        await Store.UploadAsync("images/a/b/c.raw", path, digest, default);

        await Store.DeleteAsync("images/a/b/c.raw", default);

        Assert.Empty(Directory.GetFileSystemEntries(Root));
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
