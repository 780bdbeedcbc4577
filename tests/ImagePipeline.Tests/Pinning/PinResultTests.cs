using ImagePipeline.Compression;
using ImagePipeline.Manifest;
using ImagePipeline.Pinning;
using ImagePipeline.Sources;
using ImagePipeline.Testing;
using ImagePipeline.Tests.Manifest;
using ImagePipeline.Verification;

namespace ImagePipeline.Tests.Pinning;

/// <summary>
/// The comparison and manifest edit of Pin, on digests given directly (the acquisition itself is
/// exercised by the build-level Pin tests against a real HTTPS server and real xz files).
/// </summary>
public sealed class PinResultTests
{
    private static readonly Checksum A = Checksum.Parse(ManifestTestRoot.Sha256);
    private static readonly Checksum B = Checksum.Parse(ManifestTestRoot.OtherSha256);
    private static readonly Checksum C = Checksum.Parse(ManifestTestRoot.Sha512);
    private static readonly Uri Url = new("https://example.test/disk.raw.xz");

    private static string ImagesYaml => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "images", "images.yaml"));

    [Fact]
    public void From_SourceChecksumMatches_IsVerified()
    {
        var image = TestImages.Http("disk", Url, A, CompressionFormat.Xz, B);

        var result = PinResult.From(image, Acquired(image, A, B));

        Assert.Equal((SourceChecksumStatus.Verified, ExpectedStatus.Unchanged), (result.SourceStatus, result.ExpectedStatus));
    }

    [Fact]
    public void From_SourceChecksumDiffers_ThrowsMismatchWithBothDigests()
    {
        var image = TestImages.Http("disk", Url, A, CompressionFormat.Xz, B);

        var error = Assert.Throws<ChecksumMismatchException>(() => PinResult.From(image, Acquired(image, B, B)));

        Assert.Equal(("disk source", A, B), (error.Subject, error.Expected, error.Actual));
    }

    [Fact]
    public void From_NoSourceChecksum_IsNewWithTheDownloadDigest()
    {
        var image = TestImages.Unpinned("disk", Url, CompressionFormat.Xz);

        var result = PinResult.From(image, Acquired(image, A, B));

        Assert.Equal((SourceChecksumStatus.New, A), (result.SourceStatus, result.SourceChecksum));
        Assert.Equal((ExpectedStatus.New, (Checksum?)null, B), (result.ExpectedStatus, result.PreviousExpected, result.Expected));
    }

    [Fact]
    public void From_StaleExpected_IsChangedAndKeepsTheOldValue()
    {
        var image = TestImages.Http("disk", Url, A, CompressionFormat.Xz, B);

        var result = PinResult.From(image, Acquired(image, A, A));

        Assert.Equal((ExpectedStatus.Changed, B, A), (result.ExpectedStatus, result.PreviousExpected, result.Expected));
    }

    [Fact]
    public void From_PackerImage_IsRefused()
    {
        var image = TestImages.Packer("vyos");

        Assert.Throws<ArgumentException>(() => PinResult.From(image, Acquired(image, A, A)));
    }

    [Fact]
    public void ApplyTo_ImagesYamlPinned_OnlyThePlaceholdersChangeAndStrictLoadAccepts()
    {
        var manifest = ManifestLoader.Parse(ImagesYaml, "images/images.yaml", RepositoryPaths.Root, ManifestLoadOptions.ForPinning);
        var talos = manifest.Find("talos-1.9.1")!;
        var harvester = manifest.Find("harvester-1.4.0")!;

        var text = PinResult.From(talos, Acquired(talos, A, B)).ApplyTo(ImagesYaml);
        text = PinResult.From(harvester, Acquired(harvester, C, C)).ApplyTo(text);

        var expected = ImagesYaml
            .Replace("checksum: sha256:REPLACE_WITH_PUBLISHED_CHECKSUM", $"checksum: {A}", StringComparison.Ordinal)
            .Replace("expected: sha256:REPLACE_WITH_DECOMPRESSED_CHECKSUM", $"expected: {B}", StringComparison.Ordinal)
            .Replace("checksum: sha512:REPLACE_WITH_PUBLISHED_CHECKSUM", $"checksum: {C}", StringComparison.Ordinal);
        Assert.Equal(expected, text);
        var strict = ManifestLoader.Parse(text, "images/images.yaml", RepositoryPaths.Root);
        Assert.Equal(B, strict.Find("talos-1.9.1")!.ExpectedOutput);
        Assert.Equal(C, strict.Find("harvester-1.4.0")!.ExpectedOutput);
    }

    [Fact]
    public void ApplyTo_VerifiedAndUnchanged_LeavesTextAlone()
    {
        var yaml = ManifestTestRoot.WithImages(ManifestTestRoot.DecompressingHttpImage("xz", B.ToString()));
        var image = TestImages.Http("disk", Url, A, CompressionFormat.Xz, B);

        Assert.Equal(yaml, PinResult.From(image, Acquired(image, A, B)).ApplyTo(yaml));
    }

    [Fact]
    public void ApplyTo_NoDecompressWithExpectedPlaceholder_ReplacesItWithoutAddingKeys()
    {
        var yaml = ManifestTestRoot.WithImages(ManifestTestRoot.HttpImage() + "      validation:\n        expected: sha256:TODO\n");
        using var root = new ManifestTestRoot();
        var image = Assert.Single(ManifestLoader.Parse(yaml, root.ManifestPath, root.Path, ManifestLoadOptions.ForPinning).Images);

        var text = PinResult.From(image, Acquired(image, A, A)).ApplyTo(yaml);

        Assert.Equal(yaml.Replace("sha256:TODO", A.ToString(), StringComparison.Ordinal), text);
        Assert.Equal(A, ManifestLoader.Parse(text, root.ManifestPath, root.Path).Images[0].ExpectedOutput);
    }

    private static AcquiredImage Acquired(ImageDefinition image, Checksum source, Checksum output) =>
        new(image.Name, 100, source, output);
}
