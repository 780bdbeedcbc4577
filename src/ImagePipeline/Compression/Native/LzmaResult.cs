namespace ImagePipeline.Compression.Native;

/// <summary>liblzma's <c>lzma_ret</c>.</summary>
internal enum LzmaResult
{
    Ok = 0,
    StreamEnd = 1,
    NoCheck = 2,
    UnsupportedCheck = 3,
    GetCheck = 4,
    MemError = 5,
    MemlimitError = 6,
    FormatError = 7,
    OptionsError = 8,
    DataError = 9,
    BufError = 10,
    ProgError = 11,
}
