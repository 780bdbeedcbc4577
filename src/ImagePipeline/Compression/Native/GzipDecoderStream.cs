using System.Runtime.InteropServices;

namespace ImagePipeline.Compression.Native;

/// <summary>
/// gzip decoding with the system zlib. Unlike <see cref="System.IO.Compression.GZipStream"/>, a
/// stream cut short is an error rather than a silent end. Multi-member files (concatenated gzip)
/// decode like <c>gzip -d</c>; zero padding after the last member is ignored.
/// </summary>
internal sealed unsafe class GzipDecoderStream(Stream input, string imageName)
    : NativeDecoderStream(input, imageName, CompressionFormat.Gzip)
{
    private readonly ZStreamHandle _stream = new();
    private bool _memberEnded;
    private bool _sawInput;

    protected override DecodeStatus Decode(
        ReadOnlySpan<byte> input, Span<byte> output, bool inputEnded, out int consumed, out int written)
    {
        consumed = 0;
        written = 0;
        if (_memberEnded)
        {
            if (input.IsEmpty && inputEnded)
            {
                return DecodeStatus.Finished;
            }

            if (input.IsEmpty)
            {
                return DecodeStatus.Progress;
            }

            if (input[0] != 0x1f)
            {
                return !input.ContainsAnyExcept((byte)0)
                    ? DecodeStatus.Finished
                    : throw Corrupt("unexpected data after the end of the gzip stream");
            }

            if (LibZ.InflateReset(_stream.Stream) != LibZ.Ok)
            {
                throw new InvalidOperationException("inflateReset failed");
            }
            _memberEnded = false;
        }

        if (input.IsEmpty && inputEnded)
        {
            throw Corrupt(_sawInput ? "the stream ends inside a member (truncated)" : "the stream is empty");
        }

        int result;
        var stream = _stream.Stream;
        fixed (byte* inputPointer = input)
        fixed (byte* outputPointer = output)
        {
            stream->NextIn = inputPointer;
            stream->AvailIn = (uint)input.Length;
            stream->NextOut = outputPointer;
            stream->AvailOut = (uint)output.Length;
            result = LibZ.Inflate(stream, 0);
            consumed = input.Length - (int)stream->AvailIn;
            written = output.Length - (int)stream->AvailOut;
            stream->NextIn = null;
            stream->NextOut = null;
        }

        _sawInput |= consumed > 0;
        switch (result)
        {
            case LibZ.StreamEnd:
                _memberEnded = true;
                return DecodeStatus.Progress;
            case LibZ.Ok:
                return DecodeStatus.Progress;
            case LibZ.BufError when inputEnded && consumed == input.Length && written == 0:
                throw Corrupt("the stream ends inside a member (truncated)");
            case LibZ.BufError:
                return DecodeStatus.Progress;
            default:
                var message = stream->Message != nint.Zero ? Marshal.PtrToStringUTF8(stream->Message) : null;
                throw Corrupt($"{message ?? "inflate failed"} (zlib error {result})");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
