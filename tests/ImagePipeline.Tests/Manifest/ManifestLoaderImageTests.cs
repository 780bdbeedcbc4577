using ImagePipeline.Compression;
using ImagePipeline.Manifest;
using static ImagePipeline.Tests.Manifest.ManifestTestRoot;

namespace ImagePipeline.Tests.Manifest;

/// <summary>Image names and http sources.</summary>
public sealed class ManifestLoaderImageTests : IDisposable
{
    private readonly ManifestTestRoot root = new();

    public void Dispose() => root.Dispose();

    [Theory]
    [InlineData("talos-1.9.1")]
    [InlineData("a")]
    [InlineData("abcdefghijklmnopqrstuvwxyz-0123456789.abcdefghijklmnopqrstuvwxy")]
    public void Parse_ValidName_Loads(string name)
    {
        var manifest = root.LoadImages(HttpImage(name));

        Assert.Equal(name, Assert.Single(manifest.Images).Name);
    }

    [Theory]
    [InlineData("Talos", "only lowercase letters, digits, '.' and '-'")]
    [InlineData("talos_1", "only lowercase letters, digits, '.' and '-'")]
    [InlineData("talos 1", "only lowercase letters, digits, '.' and '-'")]
    [InlineData("abcdefghijklmnopqrstuvwxyz-0123456789.abcdefghijklmnopqrstuvwxyz", "at most 63 characters")]
    public void Parse_InvalidName_ReportsRule(string name, string message)
    {
        var error = root.ImageError(HttpImage().Replace("name: disk", $"name: \"{name}\"", StringComparison.Ordinal));

        ManifestAssert.At(error, name, "name", 7, 13, message);
    }

    [Fact]
    public void Parse_NameMissing_ReportsWithIndexPath()
    {
        var error = root.ImageError(HttpImage().Replace("- name: disk\n      source:", "- source:", StringComparison.Ordinal));

        ManifestAssert.At(error, null, "spec.images[0].name", 7, 7, "required but missing");
    }

    [Fact]
    public void Parse_DuplicateName_ReportsSecondWithFirstLine()
    {
        var error = root.ImageError(HttpImage("disk", "a.img") + HttpImage("disk", "b.img"));

        ManifestAssert.At(error, "disk", "name", 14, 13, "duplicate image name 'disk' (first used at line 7)");
    }

    [Fact]
    public void Parse_EntryNotMapping_ReportsIndex()
    {
        var error = root.ImageError("    - talos\n" + HttpImage());

        ManifestAssert.At(error, null, "spec.images[0]", 7, 7, "expected a mapping (key: value pairs), got 'talos'");
    }

    [Fact]
    public void Parse_UrlMissing_ReportsRequired()
    {
        var error = root.ImageError(HttpImage().Replace("        url: https://example.test/disk.img\n", "", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.url", 9, 9, "required but missing");
    }

    [Fact]
    public void Parse_PlainHttpUrl_ReportsHttpsOnly()
    {
        var error = root.ImageError(HttpImage().Replace("https://", "http://", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.url", 10, 14, "only https:// URLs are allowed, got 'http://example.test/disk.img'");
    }

    [Fact]
    public void Parse_UrlWithCredentials_ReportsWithoutShowingThem()
    {
        var error = root.ImageError(HttpImage().Replace("https://", "https://admin:hunter2@", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.url", 10, 14, "must not contain credentials (user:password@), got 'https://***@example.test/disk.img'");
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RelativeUrl_ReportsAbsoluteExpected()
    {
        var error = root.ImageError(HttpImage().Replace("https://example.test/disk.img", "disk.img", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.url", 10, 14, "expected an absolute https:// URL, got 'disk.img'");
    }

    [Fact]
    public void Parse_ChecksumMissing_ReportsRequired()
    {
        var error = root.ImageError(HttpImage().Replace($"        checksum: {Sha256}\n", "", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.checksum", 9, 9, "required but missing");
    }

    [Theory]
    [InlineData("md5:abc")]
    [InlineData("sha256:abc")]
    [InlineData("sha1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("sha256:gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Parse_MalformedChecksum_ShowsExpectedForm(string checksum)
    {
        var error = root.ImageError(HttpImage().Replace(Sha256, checksum, StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.checksum", 11, 19,
            $"expected sha256:<64 hex digits> or sha512:<128 hex digits>, got '{checksum}'");
    }

    [Theory]
    [InlineData("sha256:REPLACE_WITH_PUBLISHED_CHECKSUM")]
    [InlineData("TODO")]
    [InlineData("\"sha256:<published sha256>\"")]
    public void Parse_PlaceholderChecksum_TellsWhereToGetIt(string checksum)
    {
        var error = root.ImageError(HttpImage().Replace(Sha256, checksum, StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.checksum", 11, 19,
            "placeholder: put the published checksum here (or run ./build.sh Pin --image disk)");
    }

    [Fact]
    public void Parse_UppercaseChecksum_IsNormalisedToLowercase()
    {
        var manifest = root.LoadImages(HttpImage().Replace(Sha256, "sha256:" + new string('A', 64), StringComparison.Ordinal));

        var source = Assert.IsType<HttpImageSource>(Assert.Single(manifest.Images).Source);
        Assert.Equal(Sha256, source.Checksum?.ToString());
    }

    [Fact]
    public void Parse_Sha512Checksum_Loads()
    {
        var manifest = root.LoadImages(HttpImage().Replace(Sha256, Sha512, StringComparison.Ordinal));

        Assert.Equal(Sha512, Assert.Single(manifest.Images).ExpectedOutput!.ToString());
    }

    [Theory]
    [InlineData("xz", CompressionFormat.Xz)]
    [InlineData("gzip", CompressionFormat.Gzip)]
    [InlineData("zstd", CompressionFormat.Zstd)]
    public void Parse_Decompress_MapsFormat(string name, CompressionFormat format)
    {
        var manifest = root.LoadImages(DecompressingHttpImage(name, OtherSha256));

        var image = Assert.Single(manifest.Images);
        Assert.Equal(format, Assert.IsType<HttpImageSource>(image.Source).Decompress);
        Assert.Equal(OtherSha256, image.ExpectedOutput!.ToString());
    }

    [Fact]
    public void Parse_UnknownDecompress_ListsFormats()
    {
        var error = root.ImageError(DecompressingHttpImage("bzip2", OtherSha256));

        ManifestAssert.At(error, "disk", "source.decompress", 12, 21, "expected one of xz, gzip, zstd, got 'bzip2'");
    }

    [Fact]
    public void Parse_UnknownSourceType_SuggestsNearest()
    {
        var error = root.ImageError(HttpImage().Replace("type: http", "type: htp", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.type", 9, 15, "expected one of http, file, packer, got 'htp'; did you mean `http`?");
    }

    [Fact]
    public void Parse_SourceTypeMissing_ReportsRequired()
    {
        var error = root.ImageError(HttpImage().Replace("        type: http\n", "", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.type", 9, 9, "required but missing");
    }

    [Fact]
    public void Parse_PackerKeyOnHttpSource_ReportsNotAllowed()
    {
        var error = root.ImageError(HttpImage().Replace("type: http\n", "type: http\n        artifact: out.img\n", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.artifact", 10, 9, "`artifact` is not allowed on http sources; allowed: type, url, checksum, decompress");
    }
}
