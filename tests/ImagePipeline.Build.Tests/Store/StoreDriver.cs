using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Store;

/// <summary>
/// One store kind under test for the build-level store scenarios: how the build is pointed at it, and how a test
/// reads, writes and breaks it past the store's own API. Tests run each scenario on every kind (<see cref="Kinds"/>).
/// </summary>
internal abstract class StoreDriver : IAsyncDisposable
{
    public const string Directory = "directory";
    public const string S3 = "s3";

    public static TheoryData<string> Kinds => [Directory, S3];

    /// <summary>Arguments that point the build at this store.</summary>
    public abstract string[] Arguments { get; }

    /// <summary>Writes an object past the store's API.</summary>
    public abstract Task PutRawAsync(string key, byte[] bytes);

    /// <summary>An object's bytes read past the store's API; null when missing.</summary>
    public abstract Task<byte[]?> GetRawAsync(string key);

    /// <summary>Every key, in order, bookkeeping (dot-folders) excluded.</summary>
    public abstract Task<List<string>> KeysAsync();

    /// <summary>Removes an object past the store's API.</summary>
    public abstract Task DeleteRawAsync(string key);

    /// <summary>What Cloud Sync does on the NAS: copies everything under <c>images/</c> into <paramref name="destination"/> (links as links).</summary>
    public abstract Task CopyImagesFolderAsync(string destination);

    /// <summary>Leaves a staged upload of <paramref name="key"/> as a killed run would (begun a few seconds ago, writer gone).</summary>
    public abstract Task LeaveIncompleteUploadAsync(string key);

    /// <summary>Staged uploads still in the store (directory: staged files; S3: multipart uploads).</summary>
    public abstract Task<int> CountIncompleteUploadsAsync();

    /// <summary>Makes every metadata write fail (permanently) from now on; deletes still work.</summary>
    public abstract void BreakMetadataWrites();

    public abstract void RepairMetadataWrites();

    public abstract ValueTask DisposeAsync();

    public static async Task<StoreDriver> CreateAsync(string kind, TestRepository repo, RgwFixture rgw) => kind switch
    {
        Directory => new DirectoryStoreDriver(repo.Combine("store")),
        S3 => await RgwStoreDriver.CreateAsync(repo, rgw),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
