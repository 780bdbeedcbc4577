using System.Buffers.Binary;
using ImagePipeline.Compression;
using ImagePipeline.Compression.Managed;

namespace ImagePipeline.Tests.Compression;

/// <summary>gzip cases: real <c>gzip</c> output, cut at every part of the format, with broken trailers and headers.</summary>
public static class GzipCases
{
    private static readonly int[] s_cuts = [1, 2, 9, 10, 11, 30, 1000, -9, -8, -5, -4, -1];

    public static IReadOnlyList<DecoderCase> All { get; } =
    [
        Good("default", Gz),
        Good("no-name", c => c.Compressed("gzip", "raw", "-n", "-1")),
        Good("empty-input", c => c.Compressed("gzip", "empty")),
        Good("multi-member", c => [.. Gz(c), .. c.Compressed("gzip", "small")]),
        Good("zero-padding", c => [.. Gz(c), 0, 0, 0, 0, 0]),
        Good("header-extra-comment-crc", c => WithHeaderExtras(Gz(c), headerCrcDelta: 0)),
        Bad("empty", _ => []),
        .. s_cuts.Select(cut => Bad($"truncated-at-{cut}", c => Cut(Gz(c), cut))),
        Bad("truncated-second-member", c => [.. Gz(c), .. c.Compressed("gzip", "small")[..^3]]),
        Bad("trailer-crc", c => Flip(Gz(c), -8)),
        Bad("trailer-size", c => Flip(Gz(c), -1)),
        Bad("header-magic", c => Flip(Gz(c), 0)),
        Bad("header-method", c => Flip(Gz(c), 2)),
        Bad("header-reserved-flag", c => Flip(Gz(c), 3, 0x20)),
        Bad("header-crc", c => WithHeaderExtras(Gz(c), headerCrcDelta: 1)),
        Bad("deflate-data", c => Flip(Gz(c), 40, 0xFF)),
        Bad("trailing-garbage", c => [.. Gz(c), .. "garbage"u8]),
        Bad("trailing-bad-member", c => [.. Gz(c), 0x1f, 0x8b, .. "junk junk junk"u8]),
        Bad("zeros-then-garbage", c => [.. Gz(c), 0, 0, 0, (byte)'x']),
    ];

    private static byte[] Gz(DecoderCorpus corpus) => corpus.Compressed("gzip", "raw");

    private static byte[] Cut(byte[] bytes, int cut) => bytes[..(cut > 0 ? cut : bytes.Length + cut)];

    private static byte[] Flip(byte[] bytes, int offset, byte mask = 0x01) =>
        XzMutations.Flip(bytes, offset >= 0 ? offset : bytes.Length + offset, mask);

    /// <summary>
    /// The member re-headed with FEXTRA, FCOMMENT and FHCRC (which gzip never writes, other tools
    /// do); <paramref name="headerCrcDelta"/> other than 0 makes the header CRC wrong.
    /// </summary>
    private static byte[] WithHeaderExtras(byte[] gzip, int headerCrcDelta)
    {
        var nameEnd = Array.IndexOf(gzip, (byte)0, 10);
        var body = (gzip[3] & 0x08) != 0 ? gzip[(nameEnd + 1)..] : gzip[10..];
        byte[] header = [0x1f, 0x8b, 8, 0x02 | 0x04 | 0x10, 0, 0, 0, 0, 0, 3, 5, 0, .. "extra"u8, .. "a comment\0"u8];
        var crc = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(crc, (ushort)(Crc32.Append(0, header) + headerCrcDelta));
        return [.. header, .. crc, .. body];
    }

    private static DecoderCase Good(string name, Func<DecoderCorpus, byte[]> make) => new("gzip-good-" + name, CompressionFormat.Gzip, true, make);

    private static DecoderCase Bad(string name, Func<DecoderCorpus, byte[]> make) => new("gzip-bad-" + name, CompressionFormat.Gzip, false, make);
}
