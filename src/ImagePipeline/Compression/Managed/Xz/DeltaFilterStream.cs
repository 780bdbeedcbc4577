namespace ImagePipeline.Compression.Managed.Xz;

/// <summary>
/// The xz delta filter (ID 0x03) on decoding: each byte is stored as its difference from the byte
/// <c>distance</c> positions before it (1 to 256), so a 256-byte history undoes it.
/// </summary>
internal sealed class DeltaFilterStream(Stream inner, int distance) : IO.ReadOnlyStream
{
    private readonly byte[] _history = new byte[256];
    private byte _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        for (var i = 0; i < read; i++)
        {
            buffer[i] += _history[(byte)(distance + _position)];
            _history[_position--] = buffer[i];
        }

        return read;
    }
}
