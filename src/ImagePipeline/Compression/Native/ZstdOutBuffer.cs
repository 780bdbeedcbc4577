using System.Runtime.InteropServices;

namespace ImagePipeline.Compression.Native;

/// <summary><c>ZSTD_outBuffer</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ZstdOutBuffer
{
    public byte* Destination;
    public nuint Size;
    public nuint Position;
}
