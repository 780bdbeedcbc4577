using ImagePipeline.Compression;

namespace ImagePipeline.Tests.Compression;

/// <summary>zstd cases: real <c>zstd</c> output, frames joined, cut, and with broken checksums and magic.</summary>
public static class ZstdCases
{
    public static IReadOnlyList<DecoderCase> All { get; } =
    [
        Good("default", Zst),
        Good("level-19-no-checksum", c => c.Compressed("zstd", "raw", "-19", "--no-check")),
        Good("empty-input", c => c.Compressed("zstd", "empty")),
        Good("two-frames", c => [.. Zst(c), .. c.Compressed("zstd", "small")]),
        Bad("empty", _ => []),
        Bad("truncated-magic", c => Zst(c)[..3]),
        Bad("truncated-header", c => Zst(c)[..5]),
        Bad("truncated-middle", c => Zst(c)[..(Zst(c).Length / 2)]),
        Bad("truncated-checksum", c => Zst(c)[..^2]),
        Bad("truncated-second-frame", c => [.. Zst(c), .. c.Compressed("zstd", "small")[..^1]]),
        Bad("content-checksum", c => XzMutations.Flip(Zst(c), Zst(c).Length - 1)),
        Bad("magic", c => XzMutations.Flip(Zst(c), 0)),
        Bad("trailing-garbage", c => [.. Zst(c), .. "trailing garbage"u8]),
        Bad("trailing-zeros", c => [.. Zst(c), 0, 0, 0, 0, 0, 0, 0, 0]),
    ];

    private static byte[] Zst(DecoderCorpus corpus) => corpus.Compressed("zstd", "raw", "-q");

    private static DecoderCase Good(string name, Func<DecoderCorpus, byte[]> make) => new("zstd-good-" + name, CompressionFormat.Zstd, true, make);

    private static DecoderCase Bad(string name, Func<DecoderCorpus, byte[]> make) => new("zstd-bad-" + name, CompressionFormat.Zstd, false, make);
}
