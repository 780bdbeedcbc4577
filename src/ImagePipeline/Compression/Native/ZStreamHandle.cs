using System.Runtime.InteropServices;

namespace ImagePipeline.Compression.Native;

/// <summary>A <c>z_stream</c> in unmanaged memory set up for gzip inflation; release calls <c>inflateEnd</c>.</summary>
internal sealed unsafe class ZStreamHandle : SafeHandle
{
    public ZStreamHandle()
        : base(nint.Zero, ownsHandle: true)
    {
        var stream = (ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZStream));
        int result;
        fixed (byte* version = LibZ.Version)
        {
            result = LibZ.InflateInit2(stream, LibZ.GzipWindowBits, version, sizeof(ZStream));
        }

        if (result != LibZ.Ok)
        {
            NativeMemory.Free(stream);
            throw new InvalidOperationException($"inflateInit2 failed: {result}");
        }

        SetHandle((nint)stream);
    }

    public override bool IsInvalid => handle == nint.Zero;

    public ZStream* Stream => (ZStream*)handle;

    protected override bool ReleaseHandle()
    {
        var result = LibZ.InflateEnd((ZStream*)handle);
        NativeMemory.Free((void*)handle);
        return result == LibZ.Ok;
    }
}
