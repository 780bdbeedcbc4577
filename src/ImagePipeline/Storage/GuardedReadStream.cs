using ImagePipeline.IO;

namespace ImagePipeline.Storage;

/// <summary>
/// A store object's bytes as <see cref="IImageStore.OpenReadAsync"/> returns them: reads of the inner stream with
/// every fault turned into a <see cref="StoreException"/> by the store's own mapping (null: rethrow as is), watched
/// by the store's low-speed watchdog when it has one (only time spent waiting for bytes counts), and the store's
/// resources for the read (a response) released on dispose. <see cref="Position"/> is the offset in the object.
/// </summary>
internal sealed class GuardedReadStream(
    Stream inner, long offset, Func<Exception, CancellationToken, Exception?> map, LowSpeedWatchdog? watchdog = null, IDisposable? owner = null)
    : ReadOnlyStream
{
    public override long Position
    {
        get => offset;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var linked = watchdog is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, watchdog.Token);
        watchdog?.Resume();
        int read;
        try
        {
            read = await inner.ReadAsync(buffer, linked?.Token ?? cancellationToken);
        }
        catch (Exception e) when (map(e, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
        finally
        {
            watchdog?.Suspend();
        }

        watchdog?.Add(read);
        offset += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            owner?.Dispose();
            watchdog?.Dispose();
        }

        base.Dispose(disposing);
    }
}
