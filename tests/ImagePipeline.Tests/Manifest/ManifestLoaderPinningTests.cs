using ImagePipeline.Manifest;
using ImagePipeline.Testing;
using ImagePipeline.Verification;
using static ImagePipeline.Tests.Manifest.ManifestTestRoot;

namespace ImagePipeline.Tests.Manifest;

/// <summary>
/// <see cref="ManifestLoadOptions.ForPinning"/>: missing or placeholder checksums (and the "expected is
/// required with decompress" rule) are tolerated; every other error stays, reported as strictly.
/// </summary>
public sealed class ManifestLoaderPinningTests : IDisposable
{
    private const string SourcePlaceholder = "sha256:REPLACE_WITH_PUBLISHED_CHECKSUM";
    private const string ExpectedPlaceholder = "sha256:REPLACE_WITH_DECOMPRESSED_CHECKSUM";

    private readonly ManifestTestRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Parse_ForPinningSourceChecksumPlaceholder_LoadsWithoutChecksum()
    {
        var image = LoadForPinning(HttpImage().Replace(Sha256, SourcePlaceholder, StringComparison.Ordinal));

        Assert.Null(Assert.IsType<HttpImageSource>(image.Source).Checksum);
        Assert.Null(image.ExpectedOutput);
        Assert.Equal(HashAlgorithmKind.Sha256, image.ValidationAlgorithm);
    }

    [Theory]
    [InlineData("")]
    [InlineData("        checksum:\n")]
    public void Parse_ForPinningSourceChecksumAbsentOrEmpty_LoadsWithoutChecksum(string replacement)
    {
        var image = LoadForPinning(HttpImage().Replace($"        checksum: {Sha256}\n", replacement, StringComparison.Ordinal));

        Assert.Null(Assert.IsType<HttpImageSource>(image.Source).Checksum);
    }

    [Fact]
    public void Parse_ForPinningDecompressWithoutValidation_LoadsWithoutExpected()
    {
        var image = LoadForPinning(HttpImage().Replace($"checksum: {Sha256}\n", $"checksum: {Sha256}\n        decompress: xz\n", StringComparison.Ordinal));

        Assert.Null(image.ExpectedOutput);
        Assert.Equal(Sha256, ((HttpImageSource)image.Source).Checksum?.ToString());
    }

    [Fact]
    public void Parse_ForPinningExpectedPlaceholder_LoadsWithoutExpected()
    {
        var image = LoadForPinning(DecompressingHttpImage("xz", ExpectedPlaceholder));

        Assert.Null(image.ExpectedOutput);
        Assert.Equal(HashAlgorithmKind.Sha256, image.ValidationAlgorithm);
    }

    [Fact]
    public void Parse_ForPinningStaleExpected_KeepsItForComparison()
    {
        var image = LoadForPinning(DecompressingHttpImage("xz", OtherSha256));

        Assert.Equal(OtherSha256, image.ExpectedOutput?.ToString());
    }

    [Fact]
    public void Parse_ForPinningSha512PlaceholderWithoutDecompress_ValidationAlgorithmFollowsPlaceholder()
    {
        var image = LoadForPinning(HttpImage().Replace(Sha256, "sha512:REPLACE_WITH_PUBLISHED_CHECKSUM", StringComparison.Ordinal));

        Assert.Equal(HashAlgorithmKind.Sha512, image.ValidationAlgorithm);
    }

    [Fact]
    public void Parse_ForPinningFileSourceWithoutChecksum_Loads()
    {
        var images = "    - name: disk\n      source:\n        type: file\n        path: files/disk.img\n      destination:\n        path: disk.img\n";

        var source = Assert.IsType<FileImageSource>(LoadForPinning(images).Source);

        Assert.Null(source.Checksum);
        Assert.Equal(root.Combine("files", "disk.img"), source.FullPath);
    }

    [Theory]
    [InlineData("sha256:abc", "expected sha256:<64 hex digits> or sha512:<128 hex digits>, got 'sha256:abc'")]
    [InlineData("md5:d41d8cd98f00b204e9800998ecf8427e", "got 'md5:d41d8cd98f00b204e9800998ecf8427e'")]
    public void Parse_ForPinningMalformedChecksum_IsStillAnError(string checksum, string message)
    {
        var yaml = WithImages(HttpImage().Replace(Sha256, checksum, StringComparison.Ordinal));

        var error = Assert.Single(ErrorsForPinning(yaml));

        ManifestAssert.At(error, "disk", "source.checksum", 11, 19, message);
        Assert.Equal(root.Error(yaml), error);
    }

    [Fact]
    public void Parse_ForPinningOtherErrors_ReportedExactlyAsStrictly()
    {
        var images = HttpImage().Replace(Sha256, SourcePlaceholder, StringComparison.Ordinal)
            .Replace("https://example.test/disk.img", "http://example.test/disk.img", StringComparison.Ordinal)
            // A second image with an unknown key and the same destination (two more non-checksum errors).
            + DecompressingHttpImage("xz", ExpectedPlaceholder).Replace("name: disk", "name: other", StringComparison.Ordinal)
                .Replace("path: disk.img", "path: disk.img\n        colour: blue", StringComparison.Ordinal);
        var yaml = WithImages(images);

        var strict = root.Errors(yaml);
        var lenient = ErrorsForPinning(yaml);

        Assert.Equal(strict.Where(e => !e.Message.StartsWith("placeholder", StringComparison.Ordinal)), lenient);
        Assert.Equal(["source.url", "destination.path", "destination.colour"], lenient.Select(e => e.Field));
        Assert.Equal(5, strict.Count); // the same three and the two placeholders
    }

    [Fact]
    public void Parse_ForPinningSha512PlaceholderButSha256Algorithm_StillReportsTheConflict()
    {
        var images = HttpImage().Replace(Sha256, "sha512:REPLACE", StringComparison.Ordinal)
            + "      validation:\n        algorithm: sha256\n";

        var error = Assert.Single(ErrorsForPinning(WithImages(images)));

        ManifestAssert.At(error, "disk", "validation.algorithm", 15, 20, "is sha256 but source.checksum");
    }

    [Fact]
    public void Load_ForPinningRepositoryImagesYaml_LoadsEveryImage()
    {
        var manifest = ManifestLoader.Load("images/images.yaml", RepositoryPaths.Root, ManifestLoadOptions.ForPinning);

        Assert.Equal(["talos-1.9.1", "vyos-gateway", "harvester-1.4.0"], manifest.Images.Select(i => i.Name));
        var talos = manifest.Find("talos-1.9.1")!;
        Assert.Null(((HttpImageSource)talos.Source).Checksum);
        Assert.Null(talos.ExpectedOutput);
        Assert.Equal(HashAlgorithmKind.Sha512, manifest.Find("harvester-1.4.0")!.ValidationAlgorithm);
    }

    [Fact]
    public void Load_ForPinningValidManifest_EqualsStrictLoad()
    {
        var strict = ManifestLoader.Load("examples/quickstart/images.yaml", RepositoryPaths.Root);

        var lenient = ManifestLoader.Load("examples/quickstart/images.yaml", RepositoryPaths.Root, ManifestLoadOptions.ForPinning);

        Assert.Equal(strict.Images, lenient.Images);
    }

    private ImageDefinition LoadForPinning(string images) =>
        Assert.Single(ManifestLoader.Parse(WithImages(images), root.ManifestPath, root.Path, ManifestLoadOptions.ForPinning).Images);

    private IReadOnlyList<ManifestError> ErrorsForPinning(string yaml) =>
        Assert.Throws<ManifestException>(() => ManifestLoader.Parse(yaml, root.ManifestPath, root.Path, ManifestLoadOptions.ForPinning)).Errors;
}
