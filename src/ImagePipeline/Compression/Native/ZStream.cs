using System.Runtime.InteropServices;

namespace ImagePipeline.Compression.Native;

/// <summary>zlib's <c>z_stream</c> on LP64 Linux (uInt = 32 bits, uLong = 64 bits).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ZStream
{
    public byte* NextIn;
    public uint AvailIn;
    public ulong TotalIn;
    public byte* NextOut;
    public uint AvailOut;
    public ulong TotalOut;
    public nint Message;
    public nint State;
    public nint Alloc;
    public nint Free;
    public nint Opaque;
    public int DataType;
    public ulong Adler;
    public ulong Reserved;
}
