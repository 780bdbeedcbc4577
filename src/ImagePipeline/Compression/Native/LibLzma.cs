using System.Runtime.InteropServices;

namespace ImagePipeline.Compression.Native;

/// <summary>The few liblzma entry points the decoder needs (liblzma.so.5, ≥ 5.4 for the MT decoder).</summary>
internal static unsafe partial class LibLzma
{
    public const string LibraryName = "liblzma.so.5";

    public const uint TellUnsupportedCheck = 0x02;
    public const uint Concatenated = 0x08;
    public const int ActionRun = 0;
    public const int ActionFinish = 3;

    private static readonly Lazy<bool> s_available = new(() => NativeLibraryProbe.HasExports(
        LibraryName, "lzma_stream_decoder_mt", "lzma_code", "lzma_end"));

    /// <summary>True when the library loads and has the multi-threaded decoder.</summary>
    public static bool IsAvailable => s_available.Value;

    [LibraryImport(LibraryName, EntryPoint = "lzma_stream_decoder_mt")]
    public static partial LzmaResult StreamDecoderMt(LzmaStream* stream, in LzmaMtOptions options);

    [LibraryImport(LibraryName, EntryPoint = "lzma_code")]
    public static partial LzmaResult Code(LzmaStream* stream, int action);

    [LibraryImport(LibraryName, EntryPoint = "lzma_end")]
    public static partial void End(LzmaStream* stream);
}
