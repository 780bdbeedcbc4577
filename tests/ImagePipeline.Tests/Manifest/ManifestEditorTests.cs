using ImagePipeline.Manifest;
using ImagePipeline.Testing;
using ImagePipeline.Verification;

namespace ImagePipeline.Tests.Manifest;

public sealed class ManifestEditorTests
{
    private static readonly Checksum A = Checksum.Parse(ManifestTestRoot.Sha256);
    private static readonly Checksum B = Checksum.Parse(ManifestTestRoot.OtherSha256);
    private static readonly Checksum C = Checksum.Parse(ManifestTestRoot.Sha512);

    private static string ImagesYaml => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "images", "images.yaml"));

    private static string QuickstartYaml => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples", "quickstart", "images.yaml"));

    [Fact]
    public void SetChecksums_ImagesYamlTalos_ChangesOnlyTheTwoScalars()
    {
        var original = ImagesYaml;

        var edited = ManifestEditor.SetChecksums(original, "talos-1.9.1", A, B);

        var expected = original
            .Replace("checksum: sha256:REPLACE_WITH_PUBLISHED_CHECKSUM", $"checksum: {A}", StringComparison.Ordinal)
            .Replace("expected: sha256:REPLACE_WITH_DECOMPRESSED_CHECKSUM", $"expected: {B}", StringComparison.Ordinal);
        Assert.Equal(expected, edited);
        Assert.Equal(2, ChangedLines(original, edited));
    }

    [Fact]
    public void SetChecksums_ImagesYamlHarvesterSha512_ChangesOneLine()
    {
        var original = ImagesYaml;

        var edited = ManifestEditor.SetChecksums(original, "harvester-1.4.0", C, null);

        Assert.Equal(original.Replace("sha512:REPLACE_WITH_PUBLISHED_CHECKSUM", C.ToString(), StringComparison.Ordinal), edited);
    }

    [Fact]
    public void SetChecksums_NothingToSet_ReturnsTextUnchanged()
    {
        Assert.Equal(ImagesYaml, ManifestEditor.SetChecksums(ImagesYaml, "talos-1.9.1", null, null));
    }

    [Fact]
    public void SetChecksums_AppliedTwice_IsIdempotent()
    {
        var once = ManifestEditor.SetChecksums(ImagesYaml, "talos-1.9.1", A, B);

        Assert.Equal(once, ManifestEditor.SetChecksums(once, "talos-1.9.1", A, B));
    }

    [Fact]
    public void SetChecksums_NoValidationBlock_InsertsOneWithFileIndentation()
    {
        var original = QuickstartYaml;
        var digest = Checksum.Parse("sha256:7d5e1418c732c3b79d213119c70996704c72ad9b3ea68ce0f1cad0eb40db07a9");

        var edited = ManifestEditor.SetChecksums(original, "tiny-disk-1.0", null, digest);

        var anchor = "        path: tiny-disk/1.0/tiny-disk.img\n";
        Assert.Equal(
            original.Replace(anchor, anchor + $"      validation:\n        algorithm: sha256\n        expected: {digest}\n", StringComparison.Ordinal),
            edited);
        var image = ManifestLoader.Parse(edited, "examples/quickstart/images.yaml", RepositoryPaths.Root).Find("tiny-disk-1.0")!;
        Assert.Equal(digest, image.ExpectedOutput);
    }

    [Fact]
    public void SetChecksums_InsertExpectedFalseWithoutValidation_AddsNothing()
    {
        var edited = ManifestEditor.SetChecksums(ImagesYaml, "harvester-1.4.0", C, C, insertExpected: false);

        Assert.Equal(ImagesYaml.Replace("sha512:REPLACE_WITH_PUBLISHED_CHECKSUM", C.ToString(), StringComparison.Ordinal), edited);
    }

    [Fact]
    public void SetChecksums_InsertExpectedFalseWithExistingExpected_ReplacesOnlyIt()
    {
        const string Yaml = "spec:\n  images:\n    - name: x\n      validation:\n        expected: sha256:TODO # here\n";

        var edited = ManifestEditor.SetChecksums(Yaml, "x", null, A, insertExpected: false);

        Assert.Equal($"spec:\n  images:\n    - name: x\n      validation:\n        expected: {A} # here\n", edited);
    }

    [Fact]
    public void SetChecksums_PackerImageWithoutValidation_InsertsAfterTheEntry()
    {
        var edited = ManifestEditor.SetChecksums(ImagesYaml, "vyos-gateway", null, C);

        Assert.Contains(
            $"        path: vyos/gateway/vyos-gateway.qcow2\n      validation:\n        algorithm: sha512\n        expected: {C}\n\n    - name: harvester-1.4.0\n",
            edited, StringComparison.Ordinal);
    }

    [Fact]
    public void SetChecksums_SourceChecksumAbsent_InsertsItInTheSourceMapping()
    {
        var yaml = ManifestTestRoot.WithImages(ManifestTestRoot.HttpImage()
            .Replace($"        checksum: {ManifestTestRoot.Sha256}\n", "", StringComparison.Ordinal));

        var edited = ManifestEditor.SetChecksums(yaml, "disk", B, null);

        Assert.Contains($"        url: https://example.test/disk.img\n        checksum: {B}\n      destination:\n", edited, StringComparison.Ordinal);
    }

    [Fact]
    public void SetChecksums_QuotedValues_KeepTheirQuotes()
    {
        const string Yaml = "spec:\n  images:\n    - name: x\n      source:\n        checksum: \"sha256:TODO\" # from vendor\n      validation:\n        expected: 'sha256:TODO'\n";

        var edited = ManifestEditor.SetChecksums(Yaml, "x", A, B);

        Assert.Equal(
            $"spec:\n  images:\n    - name: x\n      source:\n        checksum: \"{A}\" # from vendor\n      validation:\n        expected: '{B}'\n        algorithm: sha256\n",
            edited);
    }

    [Fact]
    public void SetChecksums_EmptyValueWithComment_FillsItAndKeepsComment()
    {
        const string Yaml = "spec:\n  images:\n    - name: x\n      source:\n        checksum:   # fill me\n        url: https://example.test/x\n";

        var edited = ManifestEditor.SetChecksums(Yaml, "x", A, null);

        Assert.Equal($"spec:\n  images:\n    - name: x\n      source:\n        checksum: {A}   # fill me\n        url: https://example.test/x\n", edited);
    }

    [Fact]
    public void SetChecksums_AlgorithmDisagrees_UpdatesAlgorithm()
    {
        var edited = ManifestEditor.SetChecksums(ImagesYaml, "talos-1.9.1", null, C);

        Assert.Contains($"        algorithm: sha512\n        # Digest of the decompressed metal-amd64.raw: `./build.sh Pin --image talos-1.9.1` writes it.\n        expected: {C}\n", edited, StringComparison.Ordinal);
    }

    [Fact]
    public void SetChecksums_CrLfFile_InsertsCrLfLines()
    {
        var yaml = QuickstartYaml.Replace("\n", "\r\n", StringComparison.Ordinal);

        var edited = ManifestEditor.SetChecksums(yaml, "tiny-disk-1.0", null, A);

        Assert.Contains($"tiny-disk.img\r\n      validation:\r\n        algorithm: sha256\r\n        expected: {A}\r\n", edited, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\r", edited, StringComparison.Ordinal);
        Assert.Equal(edited.Split('\n').Length - 1, edited.Split("\r\n").Length - 1);
    }

    [Fact]
    public void SetChecksums_NoTrailingNewline_AppendsLines()
    {
        const string Yaml = "spec:\n  images:\n    - name: x\n      source:\n        type: http";

        var edited = ManifestEditor.SetChecksums(Yaml, "x", A, null);

        Assert.Equal($"spec:\n  images:\n    - name: x\n      source:\n        type: http\n        checksum: {A}", edited);
    }

    [Fact]
    public void SetChecksums_UnknownImage_Throws()
    {
        var exception = Assert.Throws<ManifestEditException>(() => ManifestEditor.SetChecksums(ImagesYaml, "talos-9.9.9", A, null));

        Assert.Equal("talos-9.9.9", exception.ImageName);
        Assert.Contains("no image with this name", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetChecksums_FlowMappingWithoutKey_Throws()
    {
        const string Yaml = "spec:\n  images:\n    - name: x\n      source: {type: http}\n";

        Assert.Throws<ManifestEditException>(() => ManifestEditor.SetChecksums(Yaml, "x", A, null));
    }

    private static int ChangedLines(string before, string after) =>
        before.Split('\n').Zip(after.Split('\n')).Count(pair => pair.First != pair.Second);
}
