using ImagePipeline.Storage;
using ImagePipeline.Testing;
using ImagePipeline.Verification;

namespace ImagePipeline.Tests.Storage;

/// <summary>The fake keeps the same contract, so logic tests on it mean what they say.</summary>
public sealed class InMemoryImageStoreTests : ImageStoreContract
{
    private InMemoryImageStore? _store;

    protected override Task<IImageStore> CreateStoreAsync(IProgress<UploadProgress> progress)
    {
        _store = new InMemoryImageStore { Progress = progress };
        return Task.FromResult<IImageStore>(_store);
    }

    protected override async Task<Checksum> HashStoredObjectAsync(string key)
    {
        using var bytes = new MemoryStream(_store!.Read(key)!);
        return await RandomFile.HashAsync(bytes);
    }

    protected override Task LeaveIncompleteUploadAsync(string key)
    {
        _store!.LeaveStaged(key, DateTimeOffset.UtcNow.AddSeconds(-5));
        return Task.CompletedTask;
    }
}
