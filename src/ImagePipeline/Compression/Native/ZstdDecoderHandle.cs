using System.Runtime.InteropServices;

namespace ImagePipeline.Compression.Native;

/// <summary>Owns a <c>ZSTD_DStream*</c>; frees it exactly once.</summary>
internal sealed class ZstdDecoderHandle : SafeHandle
{
    public ZstdDecoderHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        LibZstd.FreeDStream(handle);
        return true;
    }
}
