using System.Runtime.CompilerServices;
using ImagePipeline.Metadata;
using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Storage;

/// <summary>
/// Decorates an <see cref="IImageStore"/> with <see cref="RetryPolicy"/>: every operation failing with a
/// retryable <see cref="StoreException"/> is tried again; permanent errors and cancellation pass through
/// at once. A listing that fails midway resumes after the last key it yielded (listings are in key
/// order), so no entry repeats. Staged uploads retry their own parts with the same policy.
/// </summary>
public sealed class RetryingImageStore : IImageStore, IDisposable
{
    private readonly IImageStore _inner;
    private readonly RetryPolicy _policy;

    public RetryingImageStore(IImageStore inner, RetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(policy);
        _inner = inner;
        _policy = policy;
    }

    public string Description => _inner.Description;

    public Task CheckAsync(CancellationToken cancellationToken) =>
        Run("check", null, ct => _inner.CheckAsync(ct), cancellationToken);

    public Task<IStagedUpload> BeginUploadAsync(string key, Checksum digest, CancellationToken cancellationToken) =>
        Run("begin upload", key, ct => _inner.BeginUploadAsync(key, digest, ct), cancellationToken);

    public Task<StoredObject?> StatAsync(string key, CancellationToken cancellationToken) =>
        Run("stat", key, ct => _inner.StatAsync(key, ct), cancellationToken);

    /// <summary>Opens with retries; a read that fails (retryable) midway reopens at the byte it reached (<see cref="ResumingReadStream"/>).</summary>
    public async Task<Stream?> OpenReadAsync(string key, long offset, CancellationToken cancellationToken)
    {
        var first = await Run("read", key, ct => _inner.OpenReadAsync(key, offset, ct), cancellationToken);
        return first is null ? null : new ResumingReadStream(first, offset, (at, ct) => _inner.OpenReadAsync(key, at, ct), _policy, Description, key);
    }

    public Task<ImageMetadata?> ReadMetadataAsync(string key, CancellationToken cancellationToken) =>
        Run("read metadata", key, ct => _inner.ReadMetadataAsync(key, ct), cancellationToken);

    public Task WriteMetadataAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken) =>
        Run("write metadata", key, ct => _inner.WriteMetadataAsync(key, metadata, ct), cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        Run("delete", key, ct => _inner.DeleteAsync(key, ct), cancellationToken);

    public Task<int> AbortIncompleteUploadsAsync(StagedUploadFilter filter, CancellationToken cancellationToken) =>
        Run("abort incomplete uploads", filter?.Prefix, ct => _inner.AbortIncompleteUploadsAsync(filter!, ct), cancellationToken);

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? lastKey = null;
        for (var attempt = 1; ; attempt++)
        {
            var enumerator = _inner.ListAsync(prefix, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    StoredObject current;
                    try
                    {
                        if (!await enumerator.MoveNextAsync())
                        {
                            yield break;
                        }

                        current = enumerator.Current;
                    }
                    catch (StoreException e) when (_policy.ShouldRetry(e, attempt))
                    {
                        await _policy.WaitBeforeRetryAsync(Description, "list", prefix, attempt, e, cancellationToken);
                        break;
                    }

                    if (lastKey is null || string.CompareOrdinal(current.Key, lastKey) > 0)
                    {
                        lastKey = current.Key;
                        yield return current;
                    }
                }
            }
            finally
            {
                await enumerator.DisposeAsync();
            }
        }
    }

    public void Dispose() => (_inner as IDisposable)?.Dispose();

    private Task<T> Run<T>(string operation, string? key, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken) =>
        _policy.RunAsync(Description, operation, key, action, cancellationToken);

    private Task Run(string operation, string? key, Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
        _policy.RunAsync(Description, operation, key, action, cancellationToken);
}
