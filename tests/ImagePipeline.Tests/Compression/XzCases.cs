using ImagePipeline.Compression;

namespace ImagePipeline.Tests.Compression;

/// <summary>xz cases after xz-utils' tests/files: good-*, bad-* and unsupported-* kinds.</summary>
public static class XzCases
{
    /// <summary>Needs a filter the managed decoder lacks: it must refuse, naming the package to install.</summary>
    public const string NeedsLiblzma = "xz-good-arm64";

    public static IReadOnlyList<DecoderCase> All { get; } =
    [
        Good("default", c => Xz(c)),
        Good("multi-block", c => Xz(c, "-T2", "--block-size=65536")),
        Good("check-none", c => Xz(c, "--check=none")),
        Good("check-crc32", c => Xz(c, "--check=crc32")),
        Good("check-sha256", c => Xz(c, "--check=sha256")),
        Good("delta", c => Xz(c, "--delta=dist=4", "--lzma2")),
        Good("arm64", c => Xz(c, "--arm64", "--lzma2")),
        Good("x86", c => Xz(c, "--x86", "--lzma2")),
        Good("delta-then-x86", c => Xz(c, "--delta=dist=2", "--x86", "--lzma2")),
        Good("extreme-preset", c => Xz(c, "-9e")),
        Good("empty-input", c => c.Compressed("xz", "empty")),
        Good("concatenated", c => [.. Xz(c), .. c.Compressed("xz", "small")]),
        Good("stream-padding", c => [.. Xz(c), 0, 0, 0, 0, .. c.Compressed("xz", "small"), 0, 0, 0, 0, 0, 0, 0, 0]),
        Bad("empty", _ => []),
        Bad("truncated-header", c => Xz(c)[..7]),
        Bad("truncated-middle", c => Xz(c)[..(Xz(c).Length / 2)]),
        Bad("truncated-footer", c => Xz(c)[..^1]),
        Bad("header-magic", c => XzMutations.Flip(Xz(c), 1)),
        Bad("footer-magic", c => XzMutations.Flip(Xz(c), Xz(c).Length - 1)),
        Bad("backward-size", c => XzMutations.EditFooter(Xz(c), f => f[^8]++)),
        Bad("stream-flags-differ", c => XzMutations.EditFooter(Xz(c), f => f[^3] = 0x01)),
        Bad("index-record-count", c => XzMutations.EditIndex(Xz(c), 1, b => (byte)(b + 1))),
        Bad("index-uncompressed-size", c => XzMutations.EditIndex(Xz(c), XzMutations.FirstUncompressedSizeOffset(Xz(c)), b => (byte)(b ^ 0x01))),
        Bad("index-crc", c => XzMutations.Flip(Xz(c), Xz(c).Length - 13)),
        Bad("block-check", c => XzMutations.Flip(Xz(c), XzMutations.IndexStart(Xz(c)) - 1)),
        Bad("padding-not-multiple-of-4", c => [.. Xz(c), 0, 0, 0]),
        Bad("padding-then-garbage", c => [.. Xz(c), 0, 0, 0, 0, .. "garbage!"u8]),
        Bad("trailing-garbage", c => [.. Xz(c), .. "trailing garbage"u8]),
        Bad("concatenated-bad-second-magic", c => [.. Xz(c), .. XzMutations.Flip(c.Compressed("xz", "small"), 2)]),
        Bad("unsupported-check", c => XzMutations.EditHeaderAndFooterFlags(c.Compressed("xz", "raw", "--check=crc32"), 0x02)),
        Bad("padding-before-first-stream", c => [0, 0, 0, 0, .. Xz(c)]),
        Bad("multi-block-second-block-check", c => XzMutations.Flip(Xz(c, "-T2", "--block-size=65536"), XzMutations.IndexStart(Xz(c, "-T2", "--block-size=65536")) - 1)),
    ];

    private static byte[] Xz(DecoderCorpus corpus, params string[] arguments) => corpus.Compressed("xz", "raw", arguments);

    private static DecoderCase Good(string name, Func<DecoderCorpus, byte[]> make) => new("xz-good-" + name, CompressionFormat.Xz, true, make);

    private static DecoderCase Bad(string name, Func<DecoderCorpus, byte[]> make) => new("xz-bad-" + name, CompressionFormat.Xz, false, make);
}
