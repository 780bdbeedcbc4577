using ImagePipeline.IO;

namespace ImagePipeline.Credentials.Age;

/// <summary>A read-only stream that yields <c>prefix</c> and then the rest of <c>inner</c> (used after peeking).</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner) : ReadOnlyStream
{
    private ReadOnlyMemory<byte> remainingPrefix = prefix;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (remainingPrefix.IsEmpty)
        {
            return inner.Read(buffer);
        }

        var n = Math.Min(buffer.Length, remainingPrefix.Length);
        remainingPrefix.Span[..n].CopyTo(buffer);
        remainingPrefix = remainingPrefix[n..];
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (remainingPrefix.IsEmpty)
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }

        return Read(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

}
