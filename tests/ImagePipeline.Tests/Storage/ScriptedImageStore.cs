using System.Runtime.CompilerServices;
using ImagePipeline.Metadata;
using ImagePipeline.Storage;
using ImagePipeline.Verification;

namespace ImagePipeline.Tests.Storage;

/// <summary>
/// In-memory fake for retry logic only: each call takes the next scripted outcome (an exception to
/// throw, or success). Listing yields <see cref="Listing"/> and can fail after a given number of items.
/// </summary>
public sealed class ScriptedImageStore : IImageStore
{
    private readonly Queue<Exception?> _outcomes;

    public ScriptedImageStore(params Exception?[] outcomes)
    {
        _outcomes = new Queue<Exception?>(outcomes);
    }

    public int Calls { get; private set; }

    public IReadOnlyList<StoredObject> Listing { get; init; } = [];

    /// <summary>Per listing attempt: after how many items it fails (null: never).</summary>
    public Queue<int?> ListFailures { get; } = new();

    public string Description => "scripted";

    public Task CheckAsync(CancellationToken cancellationToken) => NextAsync<object?>(null);

    public Task<IStagedUpload> BeginUploadAsync(string key, Checksum digest, CancellationToken cancellationToken) => NextAsync<IStagedUpload>(null!);

    public Task<StoredObject?> StatAsync(string key, CancellationToken cancellationToken) => NextAsync<StoredObject?>(new StoredObject(key, 1, DateTimeOffset.UnixEpoch, null));

    public Task<ImageMetadata?> ReadMetadataAsync(string key, CancellationToken cancellationToken) => NextAsync<ImageMetadata?>(null);

    /// <summary>Bytes <see cref="OpenReadAsync"/> serves; each opened stream fails (retryable) after the next number in <see cref="ReadFailures"/> bytes.</summary>
    public byte[] Content { get; init; } = [];

    public Queue<int?> ReadFailures { get; } = new();

    /// <summary>The offsets the store was opened at, in order.</summary>
    public List<long> Opened { get; } = [];

    public async Task<Stream?> OpenReadAsync(string key, long offset, CancellationToken cancellationToken)
    {
        await NextAsync<object?>(null);
        Opened.Add(offset);
        var failAfter = ReadFailures.Count > 0 ? ReadFailures.Dequeue() : null;
        return new FailingStream(Content.AsMemory((int)offset), failAfter);
    }

    public Task WriteMetadataAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken) => NextAsync<object?>(null);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => NextAsync<object?>(null);

    public Task<int> AbortIncompleteUploadsAsync(StagedUploadFilter filter, CancellationToken cancellationToken) => NextAsync(0);

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Calls++;
        var failAfter = ListFailures.Count > 0 ? ListFailures.Dequeue() : null;
        for (var i = 0; i < Listing.Count; i++)
        {
            await Task.Yield();
            if (i == failAfter)
            {
                throw new StoreException("connection reset", prefix, isRetryable: true);
            }

            yield return Listing[i];
        }
    }

    private Task<T> NextAsync<T>(T result)
    {
        Calls++;
        var outcome = _outcomes.Count > 0 ? _outcomes.Dequeue() : null;
        return outcome is null ? Task.FromResult(result) : Task.FromException<T>(outcome);
    }

    private sealed class FailingStream(ReadOnlyMemory<byte> content, int? failAfter) : ImagePipeline.IO.ReadOnlyStream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter)
            {
                throw new StoreException("connection reset while reading", "x", isRetryable: true);
            }

            var n = Math.Min(Math.Min(count, content.Length - _position), (failAfter ?? int.MaxValue) - _position);
            content.Span.Slice(_position, n).CopyTo(buffer.AsSpan(offset));
            _position += n;
            return n;
        }
    }
}
