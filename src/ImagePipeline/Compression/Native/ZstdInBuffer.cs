using System.Runtime.InteropServices;

namespace ImagePipeline.Compression.Native;

/// <summary><c>ZSTD_inBuffer</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ZstdInBuffer
{
    public byte* Source;
    public nuint Size;
    public nuint Position;
}
