using System.Runtime.InteropServices;

namespace ImagePipeline.Compression.Native;

/// <summary>The streaming decompression API of libzstd.so.1.</summary>
internal static unsafe partial class LibZstd
{
    public const string LibraryName = "libzstd.so.1";

    private static readonly Lazy<bool> s_available = new(() => NativeLibraryProbe.HasExports(
        LibraryName, "ZSTD_createDStream", "ZSTD_decompressStream", "ZSTD_freeDStream", "ZSTD_isError", "ZSTD_getErrorName"));

    public static bool IsAvailable => s_available.Value;

    [LibraryImport(LibraryName, EntryPoint = "ZSTD_createDStream")]
    public static partial ZstdDecoderHandle CreateDStream();

    [LibraryImport(LibraryName, EntryPoint = "ZSTD_freeDStream")]
    public static partial nuint FreeDStream(nint stream);

    [LibraryImport(LibraryName, EntryPoint = "ZSTD_decompressStream")]
    public static partial nuint DecompressStream(ZstdDecoderHandle stream, ZstdOutBuffer* output, ZstdInBuffer* input);

    [LibraryImport(LibraryName, EntryPoint = "ZSTD_isError")]
    public static partial uint IsError(nuint code);

    [LibraryImport(LibraryName, EntryPoint = "ZSTD_getErrorName")]
    public static partial nint GetErrorName(nuint code);

    public static string ErrorName(nuint code) => Marshal.PtrToStringUTF8(GetErrorName(code)) ?? "unknown error";
}
