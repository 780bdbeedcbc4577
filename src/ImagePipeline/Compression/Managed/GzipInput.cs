namespace ImagePipeline.Compression.Managed;

/// <summary>
/// Buffered input of the managed gzip decoder. The inflater reads ahead through
/// <see cref="InflaterView"/>; <see cref="Unread"/> gives back what it did not consume, so the
/// trailer and the next member are read from exactly where the deflate data ended.
/// </summary>
internal sealed class GzipInput(Stream inner)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>A stream over this input for the inflater: each read serves only buffered bytes.</summary>
    public Stream InflaterView => new View(this);

    /// <summary>True when no byte follows.</summary>
    public bool AtEnd => _start == _end && !Fill();

    /// <summary>Bytes the inflater has read since <see cref="BeginInflate"/>.</summary>
    public long HandedToInflater { get; private set; }

    /// <summary>The next byte, or -1 at the end.</summary>
    public int ReadByte() => AtEnd ? -1 : _buffer[_start++];

    /// <summary>The next byte without consuming it, or -1 at the end.</summary>
    public int PeekByte() => AtEnd ? -1 : _buffer[_start];

    /// <summary>Starts counting what the inflater reads.</summary>
    public void BeginInflate() => HandedToInflater = 0;

    /// <summary>Fills <paramref name="target"/> completely; false when the input ends first.</summary>
    public bool TryReadExactly(Span<byte> target)
    {
        while (!target.IsEmpty)
        {
            if (AtEnd)
            {
                return false;
            }

            var count = Math.Min(target.Length, _end - _start);
            _buffer.AsSpan(_start, count).CopyTo(target);
            _start += count;
            target = target[count..];
        }

        return true;
    }

    /// <summary>True when every remaining byte is zero (reads them all).</summary>
    public bool RestIsZero()
    {
        while (!AtEnd)
        {
            if (_buffer.AsSpan(_start, _end - _start).ContainsAnyExcept((byte)0))
            {
                return false;
            }

            _start = _end;
        }

        return true;
    }

    /// <summary>
    /// Gives back the last <paramref name="count"/> bytes the inflater read and did not use. They
    /// are always the tail of its latest read, which is still in the buffer: the inflater reads
    /// again only after it has used everything, and each read serves a single fill.
    /// </summary>
    public void Unread(long count)
    {
        if (count < 0 || count > _start)
        {
            throw new InvalidOperationException($"cannot give back {count} bytes of input");
        }

        _start -= (int)count;
    }

    private bool Fill()
    {
        _start = 0;
        _end = inner.Read(_buffer);
        return _end > 0;
    }

    private int ReadBuffered(Span<byte> target)
    {
        if (target.IsEmpty || AtEnd)
        {
            return 0;
        }

        var count = Math.Min(target.Length, _end - _start);
        _buffer.AsSpan(_start, count).CopyTo(target);
        _start += count;
        HandedToInflater += count;
        return count;
    }

    private sealed class View(GzipInput input) : IO.ReadOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => input.ReadBuffered(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer) => input.ReadBuffered(buffer);
    }
}
