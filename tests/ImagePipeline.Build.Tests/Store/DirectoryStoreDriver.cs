namespace ImagePipeline.Build.Tests.Store;

/// <summary>
/// A directory store. Metadata writes are broken by turning the staging folder for metadata into a dangling link,
/// which the store refuses to write through (tests run as root, so file modes would not stop them).
/// </summary>
internal sealed class DirectoryStoreDriver(string root) : StoreDriver
{
    private string MetadataStaging => Path.Combine(root, ".staging", "metadata");

    public override string[] Arguments => ["--store", root];

    public override Task PutRawAsync(string key, byte[] bytes)
    {
        var path = PathOf(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return Task.CompletedTask;
    }

    public override Task<byte[]?> GetRawAsync(string key) =>
        Task.FromResult(File.Exists(PathOf(key)) ? File.ReadAllBytes(PathOf(key)) : null);

    public override Task<List<string>> KeysAsync() => Task.FromResult(!System.IO.Directory.Exists(root)
        ? []
        : System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(k => !k.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList());

    public override Task DeleteRawAsync(string key)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public override Task CopyImagesFolderAsync(string destination)
    {
        var images = Path.Combine(root, "images");
        foreach (var file in System.IO.Directory.EnumerateFiles(images, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(images, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return Task.CompletedTask;
    }

    public override Task LeaveIncompleteUploadAsync(string key)
    {
        var staged = Path.Combine(root, ".staging", key + "~dead01");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.WriteAllText(staged, "partial");
        File.SetLastWriteTimeUtc(staged, DateTime.UtcNow.AddSeconds(-5));
        return Task.CompletedTask;
    }

    public override Task<int> CountIncompleteUploadsAsync()
    {
        var staging = Path.Combine(root, ".staging");
        return Task.FromResult(System.IO.Directory.Exists(staging) ? System.IO.Directory.GetFiles(staging, "*", SearchOption.AllDirectories).Length : 0);
    }

    public override void BreakMetadataWrites()
    {
        if (System.IO.Directory.Exists(MetadataStaging))
        {
            System.IO.Directory.Delete(MetadataStaging, recursive: true);
        }

        System.IO.Directory.CreateSymbolicLink(MetadataStaging, "/nonexistent/metadata-staging");
    }

    public override void RepairMetadataWrites() => File.Delete(MetadataStaging);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string PathOf(string key) => Path.Combine(root, key);
}
