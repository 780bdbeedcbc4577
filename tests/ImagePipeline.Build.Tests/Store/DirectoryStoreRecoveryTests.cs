namespace ImagePipeline.Build.Tests.Store;

/// <summary>
/// <see cref="StoreRecoveryTests"/> on a directory store. Metadata writes are broken by turning the staging folder
/// for metadata into a dangling link, which the store refuses to write through (tests run as root, so modes would not stop them).
/// </summary>
public sealed class DirectoryStoreRecoveryTests : StoreRecoveryTests
{
    private string Store => Repo.Combine("store");

    private string MetadataStaging => Path.Combine(Store, ".staging", "metadata");

    protected override string[] StoreArguments => ["--store", Store];

    protected override Task PutRawAsync(string key, byte[] bytes)
    {
        Repo.Write(Path.Combine("store", key), bytes);
        return Task.CompletedTask;
    }

    protected override Task<byte[]?> GetRawAsync(string key)
    {
        var path = Path.Combine(Store, key);
        return Task.FromResult(File.Exists(path) ? File.ReadAllBytes(path) : null);
    }

    protected override void BreakMetadataWrites()
    {
        if (Directory.Exists(MetadataStaging))
        {
            Directory.Delete(MetadataStaging, recursive: true);
        }

        Directory.CreateSymbolicLink(MetadataStaging, "/nonexistent/metadata-staging");
    }

    protected override void RepairMetadataWrites() => File.Delete(MetadataStaging);
}
