using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ImagePipeline.Metadata;
using ImagePipeline.Storage;
using ImagePipeline.Verification;

namespace ImagePipeline.Testing;

/// <summary>
/// A store in memory, for fast tests of planning and publishing logic. It keeps the whole
/// <see cref="IImageStore"/> contract (the shared contract suite runs on it too), but real stores are
/// tested against the same suite: this one is never the only test of a boundary.
/// </summary>
public sealed class InMemoryImageStore : IImageStore
{
    private readonly ConcurrentDictionary<string, (StoredObject Object, byte[] Bytes)> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<StagedUpload, DateTimeOffset> _staged = new();
    private int _statCalls;

    public string Description => "memory";

    public List<string> Deleted { get; } = [];

    public int StatCalls => _statCalls;

    /// <summary>Reported as bytes are written to a staged upload.</summary>
    public IProgress<UploadProgress>? Progress { get; init; }

    /// <summary>Uploads begun and neither committed nor aborted.</summary>
    public int StagedCount => _staged.Count;

    public void Put(string key, long size, Checksum? digest = null) =>
        _objects[key] = (new StoredObject(key, size, DateTimeOffset.UnixEpoch, digest), []);

    public void PutMetadata(string key, ImageMetadata metadata) => PutRaw(key, ImageMetadataJson.Serialize(metadata));

    /// <summary>Stores <paramref name="bytes"/> as they are (e.g. a metadata document that is not valid).</summary>
    public void PutRaw(string key, byte[] bytes) =>
        _objects[key] = (new StoredObject(key, bytes.Length, DateTimeOffset.UtcNow, null), bytes);

    /// <summary>A symbolic link, as a directory store lists one.</summary>
    public void PutLink(string key, string target) =>
        _objects[key] = (new StoredObject(key, target.Length, DateTimeOffset.UnixEpoch, null) { LinkTarget = target }, []);

    /// <summary>The bytes stored under <paramref name="key"/>, or null.</summary>
    public byte[]? Read(string key) => _objects.TryGetValue(key, out var entry) ? entry.Bytes : null;

    /// <summary>Leaves a staged upload behind as a dead writer would (begun at <paramref name="startedAt"/>).</summary>
    public void LeaveStaged(string key, DateTimeOffset startedAt) =>
        _staged[new StagedUpload(this, key, Checksum.FromBytes(HashAlgorithmKind.Sha256, new byte[32]))] = startedAt;

    public Task CheckAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IStagedUpload> BeginUploadAsync(string key, Checksum digest, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        var upload = new StagedUpload(this, key, digest);
        _staged[upload] = DateTimeOffset.UtcNow;
        return Task.FromResult<IStagedUpload>(upload);
    }

    public Task<StoredObject?> StatAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        Interlocked.Increment(ref _statCalls);
        return Task.FromResult(_objects.TryGetValue(key, out var entry) ? entry.Object : null);
    }

    public Task<Stream?> OpenReadAsync(string key, long offset, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        return Task.FromResult<Stream?>(_objects.TryGetValue(key, out var entry) && entry.Object.LinkTarget is null
            ? new MemoryStream(entry.Bytes, (int)Math.Min(offset, entry.Bytes.Length), entry.Bytes.Length - (int)Math.Min(offset, entry.Bytes.Length), writable: false)
            : null);
    }

    public Task<ImageMetadata?> ReadMetadataAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        return Task.FromResult(_objects.TryGetValue(key, out var entry) ? ImageMetadataJson.Deserialize(entry.Bytes, key) : null);
    }

    public Task WriteMetadataAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        PutMetadata(key, metadata);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StoreKey.ValidatePrefix(prefix);
        foreach (var obj in _objects.Values.Select(e => e.Object).Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            await Task.Yield();
            yield return obj;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        lock (Deleted)
        {
            Deleted.Add(key);
        }

        _objects.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task<int> AbortIncompleteUploadsAsync(StagedUploadFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var stale = _staged.Where(s => filter.Matches(s.Key.Key, s.Value)).Select(s => s.Key).ToList();
        stale.ForEach(s => _staged.TryRemove(s, out _));
        return Task.FromResult(stale.Count);
    }

    private sealed class StagedUpload(InMemoryImageStore store, string key, Checksum digest) : IStagedUpload
    {
        private readonly MemoryStream _bytes = new();
        private bool _finished;

        public string Key => key;

        public Checksum Digest => digest;

        public long Length => _bytes.Length;

        public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            ThrowIfFinished();
            cancellationToken.ThrowIfCancellationRequested();
            _bytes.Write(data.Span);
            store.Progress?.Report(new UploadProgress(key, _bytes.Length));
            return ValueTask.CompletedTask;
        }

        public Task FlushAsync(CancellationToken cancellationToken)
        {
            ThrowIfFinished();
            return Task.CompletedTask;
        }

        public Task CommitAsync(Checksum actual, CancellationToken cancellationToken)
        {
            ThrowIfFinished();
            if (actual != digest)
            {
                AbortAsync();
                throw new StoreException($"Refusing to publish '{key}': the bytes written hash to {actual}, not to the declared {digest}.", key, isRetryable: false);
            }

            var bytes = _bytes.ToArray();
            store._objects[key] = (new StoredObject(key, bytes.Length, DateTimeOffset.UtcNow, digest), bytes);
            Finish();
            return Task.CompletedTask;
        }

        public Task AbortAsync()
        {
            Finish();
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => new(AbortAsync());

        private void Finish()
        {
            _finished = true;
            store._staged.TryRemove(this, out _);
        }

        private void ThrowIfFinished()
        {
            if (_finished)
            {
                throw new InvalidOperationException($"The upload of '{key}' is already finished.");
            }
        }
    }
}
