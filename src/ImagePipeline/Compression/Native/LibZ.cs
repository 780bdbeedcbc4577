using System.Runtime.InteropServices;

namespace ImagePipeline.Compression.Native;

/// <summary>The inflate API of the system zlib (libz.so.1).</summary>
internal static unsafe partial class LibZ
{
    public const string LibraryName = "libz.so.1";

    /// <summary>15-bit window + 16: expect a gzip header and trailer (CRC-32 and size are checked).</summary>
    public const int GzipWindowBits = 15 + 16;

    public const int Ok = 0;
    public const int StreamEnd = 1;
    public const int BufError = -5;

    private static readonly Lazy<bool> s_available = new(() => NativeLibraryProbe.HasExports(
        LibraryName, "inflateInit2_", "inflate", "inflateReset", "inflateEnd"));

    public static bool IsAvailable => s_available.Value;

    /// <summary>zlib only compares the major version digit.</summary>
    public static ReadOnlySpan<byte> Version => "1.2.13\0"u8;

    [LibraryImport(LibraryName, EntryPoint = "inflateInit2_")]
    public static partial int InflateInit2(ZStream* stream, int windowBits, byte* version, int streamSize);

    [LibraryImport(LibraryName, EntryPoint = "inflate")]
    public static partial int Inflate(ZStream* stream, int flush);

    [LibraryImport(LibraryName, EntryPoint = "inflateReset")]
    public static partial int InflateReset(ZStream* stream);

    [LibraryImport(LibraryName, EntryPoint = "inflateEnd")]
    public static partial int InflateEnd(ZStream* stream);
}
