using ImagePipeline.IO;

namespace ImagePipeline.Storage.S3;

/// <summary>A part's bytes as a request body that tells the watchdog how far the SDK has read (≈ sent).</summary>
internal sealed class ProgressReportingStream(byte[] buffer, int length, LowSpeedWatchdog watchdog) : ReadOnlyStream
{
    private readonly MemoryStream _inner = new(buffer, 0, length, writable: false);

    public override bool CanSeek => true;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(_inner.Read(buffer.Span)));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Count(_inner.Read(buffer, offset, count)));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        watchdog.Add(read);
        return read;
    }
}
