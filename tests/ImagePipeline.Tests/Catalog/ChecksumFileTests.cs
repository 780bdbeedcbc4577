using ImagePipeline.Catalog;
using ImagePipeline.Testing;
using ImagePipeline.Verification;

namespace ImagePipeline.Tests.Catalog;

public sealed class ChecksumFileTests
{
    private static readonly Checksum A = TestImages.Sha256Of("a");
    private static readonly Checksum B = TestImages.Sha256Of("b");

    [Fact]
    public void Render_IsCoreutilsTextModeLines()
    {
        var text = ChecksumFile.Render([("t/1.9.1/x.raw", A), ("b.iso", B)]);

        Assert.Equal($"{A.Hex}  t/1.9.1/x.raw\n{B.Hex}  b.iso\n", text);
    }

    [Fact]
    public void Parse_RenderedText_RoundTrips()
    {
        var entries = new[] { ("t/x.raw", A), ("with space.iso", B) };

        Assert.Equal(entries, ChecksumFile.Parse(ChecksumFile.Render(entries), HashAlgorithmKind.Sha256, "SHA256SUMS"));
    }

    [Fact]
    public void Parse_BinaryMarkerCrlfAndEscapedLines_AreRead()
    {
        var text = $"{A.Hex.ToUpperInvariant()} *x.raw\r\n\\{B.Hex}  back\\\\slash\n\n";

        var entries = ChecksumFile.Parse(text, HashAlgorithmKind.Sha256, "SHA256SUMS");

        Assert.Equal([("x.raw", A), ("back\\slash", B)], entries);
    }

    [Theory]
    [InlineData("abc  x.raw")]
    [InlineData("zz")]
    public void Parse_BadLine_NamesFileAndLine(string line)
    {
        var error = Assert.Throws<FormatException>(() => ChecksumFile.Parse($"{A.Hex}  ok.raw\n{line}\n", HashAlgorithmKind.Sha256, "SHA256SUMS"));

        Assert.Contains("SHA256SUMS line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Sha512LineInSha256File_IsRejected()
    {
        var sha512 = Checksum.FromBytes(HashAlgorithmKind.Sha512, new byte[64]);

        Assert.Throws<FormatException>(() => ChecksumFile.Parse($"{sha512.Hex}  x.raw\n", HashAlgorithmKind.Sha256, "SHA256SUMS"));
    }
}
