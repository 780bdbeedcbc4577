using System.Runtime.InteropServices;

namespace ImagePipeline.Compression.Native;

/// <summary>
/// An <c>lzma_stream</c> in unmanaged memory (liblzma's worker threads must never see it move);
/// releasing the handle calls <c>lzma_end</c> and frees the memory.
/// </summary>
internal sealed unsafe class LzmaStreamHandle : SafeHandle
{
    public LzmaStreamHandle()
        : base(nint.Zero, ownsHandle: true)
    {
        SetHandle((nint)NativeMemory.AllocZeroed((nuint)sizeof(LzmaStream)));
    }

    public override bool IsInvalid => handle == nint.Zero;

    public LzmaStream* Stream => (LzmaStream*)handle;

    protected override bool ReleaseHandle()
    {
        LibLzma.End((LzmaStream*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
