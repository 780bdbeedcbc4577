using ImagePipeline.IO;

namespace ImagePipeline.Storage;

/// <summary>
/// Reads a store object through <see cref="RetryPolicy"/>: when a read fails with a retryable
/// <see cref="StoreException"/>, the object is opened again at the byte reached and reading goes on, so a
/// multi-GB read survives a dropped connection without starting over. Each failure in a row counts as an
/// attempt; a successful read resets the count. An object that vanished meanwhile is a permanent failure.
/// </summary>
internal sealed class ResumingReadStream(
    Stream first, long offset, Func<long, CancellationToken, Task<Stream?>> reopen, RetryPolicy policy, string store, string key) : ReadOnlyStream
{
    private Stream _current = first;
    private int _attempt = 1;

    public override long Position
    {
        get => offset;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            try
            {
                var read = await _current.ReadAsync(buffer, cancellationToken);
                offset += read;
                _attempt = 1;
                return read;
            }
            catch (StoreException e) when (policy.ShouldRetry(e, _attempt))
            {
                await policy.WaitBeforeRetryAsync(store, "read", key, _attempt++, e, cancellationToken);
                await _current.DisposeAsync();
                _current = await policy.RunAsync(store, "read", key, ct => reopen(offset, ct), cancellationToken)
                    ?? throw new StoreException($"{store}: '{key}' disappeared while being read (at byte {offset}).", key, isRetryable: false, e);
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current.Dispose();
        }

        base.Dispose(disposing);
    }
}
