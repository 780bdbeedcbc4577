using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ImagePipeline.Metadata;
using ImagePipeline.Storage;
using ImagePipeline.Verification;

namespace ImagePipeline.Testing;

/// <summary>
/// A store in memory, for fast tests of planning logic only. Real stores are tested against the
/// shared contract suite; this one is not a substitute for them.
/// </summary>
public sealed class InMemoryImageStore : IImageStore
{
    private readonly ConcurrentDictionary<string, StoredObject> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImageMetadata> _metadata = new(StringComparer.Ordinal);

    public string Description => "memory";

    public List<string> Deleted { get; } = [];

    public int StatCalls => _statCalls;

    private int _statCalls;

    public void Put(string key, long size, Checksum? digest = null) =>
        _objects[key] = new StoredObject(key, size, DateTimeOffset.UnixEpoch, digest);

    public void PutMetadata(string key, ImageMetadata metadata)
    {
        _metadata[key] = metadata;
        _objects[key] = new StoredObject(key, 100, DateTimeOffset.UnixEpoch, null);
    }

    public Task UploadAsync(string key, string localPath, Checksum digest, CancellationToken cancellationToken)
    {
        Put(key, new FileInfo(localPath).Length, digest);
        return Task.CompletedTask;
    }

    public Task<StoredObject?> StatAsync(string key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _statCalls);
        return Task.FromResult(_objects.GetValueOrDefault(key));
    }

    public Task<ImageMetadata?> ReadMetadataAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_metadata.GetValueOrDefault(key));

    public Task WriteMetadataAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken)
    {
        PutMetadata(key, metadata);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var obj in _objects.Values.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            await Task.Yield();
            yield return obj;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (Deleted)
        {
            Deleted.Add(key);
        }

        _objects.TryRemove(key, out _);
        _metadata.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task<int> AbortIncompleteUploadsAsync(string prefix, TimeSpan olderThan, CancellationToken cancellationToken) => Task.FromResult(0);
}
