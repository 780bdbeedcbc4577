using ImagePipeline.Verification;
using static ImagePipeline.Tests.Manifest.ManifestTestRoot;

namespace ImagePipeline.Tests.Manifest;

/// <summary>validation.algorithm / validation.expected and spec.defaults.validation.</summary>
public sealed class ManifestLoaderValidationTests : IDisposable
{
    private const string Sha512Defaults = "spec:\n  defaults:\n    validation:\n      algorithm: sha512\n  images:\n";

    private readonly ManifestTestRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Parse_NoDecompress_ExpectedDefaultsToSourceChecksum()
    {
        var image = Assert.Single(root.LoadImages(HttpImage()).Images);

        Assert.Equal(Sha256, image.ExpectedOutput!.ToString());
        Assert.Equal(HashAlgorithmKind.Sha256, image.ValidationAlgorithm);
    }

    [Fact]
    public void Parse_NoDecompressSha512Checksum_AlgorithmFollowsChecksum()
    {
        var image = Assert.Single(root.LoadImages(HttpImage().Replace(Sha256, Sha512, StringComparison.Ordinal)).Images);

        Assert.Equal(HashAlgorithmKind.Sha512, image.ValidationAlgorithm);
    }

    [Fact]
    public void Parse_DecompressWithoutValidation_ReportsExpectedRequired()
    {
        var images = HttpImage().Replace($"checksum: {Sha256}\n", $"checksum: {Sha256}\n        decompress: xz\n", StringComparison.Ordinal);

        var error = root.ImageError(images);

        ManifestAssert.At(error, "disk", "validation.expected", 7, 7,
            "required when source.decompress is set: the checksum of the decompressed image (or run ./build.sh Pin --image disk)");
    }

    [Fact]
    public void Parse_DecompressWithEmptyExpected_ReportsExpectedRequiredAtValidation()
    {
        var error = root.ImageError(DecompressingHttpImage("xz", ""));

        ManifestAssert.At(error, "disk", "validation.expected", 16, 9, "required when source.decompress is set");
    }

    [Fact]
    public void Parse_ExpectedPlaceholder_TellsHowToPin()
    {
        var error = root.ImageError(DecompressingHttpImage("xz", "sha256:REPLACE_WITH_DECOMPRESSED_CHECKSUM"));

        ManifestAssert.At(error, "disk", "validation.expected", 16, 19,
            "placeholder: put the checksum of the decompressed image here (or run ./build.sh Pin --image disk)");
    }

    [Fact]
    public void Parse_ExpectedMalformed_ShowsExpectedForm()
    {
        var error = root.ImageError(DecompressingHttpImage("xz", "sha256:123"));

        ManifestAssert.At(error, "disk", "validation.expected", 16, 19, "expected sha256:<64 hex digits> or sha512:<128 hex digits>, got 'sha256:123'");
    }

    [Fact]
    public void Parse_AlgorithmDisagreesWithExpected_Reports()
    {
        var images = DecompressingHttpImage("xz", Sha512).Replace("      validation:\n", "      validation:\n        algorithm: sha256\n", StringComparison.Ordinal);

        var error = root.ImageError(images);

        ManifestAssert.At(error, "disk", "validation.expected", 17, 19, "is a sha512 digest but validation.algorithm is sha256");
    }

    [Fact]
    public void Parse_DefaultAlgorithmDisagreesWithExpected_NamesTheDefault()
    {
        var yaml = WithImages(DecompressingHttpImage("xz", OtherSha256)).Replace("spec:\n  images:\n", Sha512Defaults, StringComparison.Ordinal);

        var error = root.Error(yaml);

        ManifestAssert.At(error, "disk", "validation.expected", 19, 19,
            "is a sha256 digest but validation.algorithm is sha512 (from spec.defaults.validation.algorithm)");
    }

    [Fact]
    public void Parse_DefaultAlgorithmAgrees_UsesIt()
    {
        var yaml = WithImages(DecompressingHttpImage("xz", Sha512)).Replace("spec:\n  images:\n", Sha512Defaults, StringComparison.Ordinal);

        var image = Assert.Single(root.Load(yaml).Images);

        Assert.Equal(HashAlgorithmKind.Sha512, image.ValidationAlgorithm);
        Assert.Equal(Sha512, image.ExpectedOutput!.ToString());
    }

    [Fact]
    public void Parse_ExplicitAlgorithmDisagreesWithSourceChecksumWithoutDecompress_Reports()
    {
        var error = root.ImageError(HttpImage() + "      validation:\n        algorithm: sha512\n");

        ManifestAssert.At(error, "disk", "validation.algorithm", 15, 20, "is sha512 but source.checksum");
    }

    [Fact]
    public void Parse_ExpectedDiffersFromSourceWithoutDecompress_Reports()
    {
        var error = root.ImageError(HttpImage() + $"      validation:\n        expected: {OtherSha256}\n");

        ManifestAssert.At(error, "disk", "validation.expected", 15, 19, "differs from source.checksum");
    }

    [Theory]
    [InlineData("md5")]
    [InlineData("SHA256")]
    [InlineData("none")]
    public void Parse_UnknownAlgorithm_ListsAllowed(string algorithm)
    {
        var error = root.ImageError(DecompressingHttpImage("xz", OtherSha256).Replace("      validation:\n", $"      validation:\n        algorithm: {algorithm}\n", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "validation.algorithm", 16, 20, $"expected one of sha256, sha512, got '{algorithm}'");
    }

    [Fact]
    public void Parse_DefaultsAlgorithmUnknown_Reports()
    {
        var yaml = WithImages(HttpImage()).Replace("spec:\n  images:\n", Sha512Defaults.Replace("sha512", "crc32", StringComparison.Ordinal), StringComparison.Ordinal);

        var error = root.Error(yaml);

        ManifestAssert.At(error, null, "spec.defaults.validation.algorithm", 8, 18, "expected one of sha256, sha512, got 'crc32'");
    }

    [Fact]
    public void Parse_ValidationNone_ExplainsThereIsNoNone()
    {
        var error = root.ImageError(HttpImage() + "      validation: none\n");

        ManifestAssert.At(error, "disk", "validation", 14, 19, "there is no `validation: none`");
    }

    [Fact]
    public void Parse_ValidationUnknownKey_Suggests()
    {
        var error = root.ImageError(HttpImage() + $"      validation:\n        expect: {Sha256}\n");

        ManifestAssert.At(error, "disk", "validation.expect", 15, 9, "did you mean `expected`?");
    }
}
