using ImagePipeline.Manifest;
using static ImagePipeline.Tests.Manifest.ManifestTestRoot;

namespace ImagePipeline.Tests.Manifest;

public sealed class ManifestLoaderDocumentTests : IDisposable
{
    private readonly ManifestTestRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Parse_ValidManifest_ReturnsImagesWithKeysAndLines()
    {
        var manifest = root.LoadImages(HttpImage("disk") + HttpImage("other", "other/other.img"));

        Assert.Equal("test", manifest.Name);
        Assert.Equal(root.ManifestPath, manifest.FilePath);
        Assert.Equal(root.Path, manifest.RootDirectory);
        Assert.Equal("images/", manifest.DestinationPrefix);
        Assert.Equal(["disk", "other"], manifest.Images.Select(i => i.Name));
        var other = manifest.Find("other")!;
        Assert.Equal("images/other/other.img", other.ObjectKey);
        Assert.Equal("metadata/other/other.img.json", other.MetadataKey);
        Assert.Equal(14, other.Line);
        var source = Assert.IsType<HttpImageSource>(other.Source);
        Assert.Equal(new Uri("https://example.test/other.img"), source.Url);
    }

    [Fact]
    public void Parse_ApiVersionAndKindWrong_ReportsBothWithPositions()
    {
        var errors = root.Errors(WithImages(HttpImage())
            .Replace("images.lab.gilman.io/v1alpha1", "images.lab.gilman.io/v1", StringComparison.Ordinal)
            .Replace("kind: ImageManifest", "kind: ImageList", StringComparison.Ordinal));

        Assert.Equal(2, errors.Count);
        ManifestAssert.At(errors[0], null, "apiVersion", 1, 13, "expected `images.lab.gilman.io/v1alpha1`, got 'images.lab.gilman.io/v1'");
        ManifestAssert.At(errors[1], null, "kind", 2, 7, "expected `ImageManifest`, got 'ImageList'");
    }

    [Fact]
    public void Parse_ApiVersionMissing_ReportsRequired()
    {
        var error = root.Error(WithImages(HttpImage()).Replace("apiVersion: images.lab.gilman.io/v1alpha1\n", "", StringComparison.Ordinal));

        ManifestAssert.At(error, null, "apiVersion", 1, 1, "required but missing");
    }

    [Fact]
    public void Parse_MetadataNameMissing_ReportsAtMetadata()
    {
        var error = root.Error(WithImages(HttpImage()).Replace("  name: test\n", "  name:\n", StringComparison.Ordinal));

        ManifestAssert.At(error, null, "metadata.name", 4, 3, "required but missing");
    }

    [Fact]
    public void Parse_ImagesEmpty_ReportsAtLeastOne()
    {
        var error = root.Error(Header.Replace("images:", "images: []", StringComparison.Ordinal));

        ManifestAssert.At(error, null, "spec.images", 6, 11, "at least one image is required");
    }

    [Fact]
    public void Parse_ImagesMissing_ReportsRequiredAtSpec()
    {
        var error = root.Error(Header.Replace("  images:\n", "  defaults: {}\n", StringComparison.Ordinal));

        ManifestAssert.At(error, null, "spec.images", 6, 3, "required but missing");
    }

    [Fact]
    public void Parse_UnknownKey_SuggestsNearestKey()
    {
        var errors = root.ImageErrors(HttpImage().Replace("checksum:", "chekcsum:", StringComparison.Ordinal));

        Assert.Equal(2, errors.Count);
        ManifestAssert.At(errors[0], "disk", "source.checksum", 9, 9, "required but missing");
        ManifestAssert.At(errors[1], "disk", "source.chekcsum", 11, 9, "unknown key `chekcsum`; did you mean `checksum`?");
    }

    [Fact]
    public void Parse_UnknownKeyFarFromAll_ListsAllowedKeys()
    {
        var error = root.Error(WithImages(HttpImage()) + "status: ready\n");

        ManifestAssert.At(error, null, "status", 14, 1, "unknown key `status`; allowed: apiVersion, kind, metadata, spec");
    }

    [Fact]
    public void Parse_ListWhereMappingExpected_ReportsTypeWithPosition()
    {
        var error = root.Error(WithImages(HttpImage()).Replace("metadata:\n  name: test", "metadata:\n  - name: test", StringComparison.Ordinal));

        ManifestAssert.At(error, null, "metadata", 4, 3, "expected a mapping (key: value pairs), got a list");
    }

    [Fact]
    public void Parse_MappingWhereScalarExpected_ReportsTypeWithPosition()
    {
        var error = root.ImageError(HttpImage().Replace("type: http", "type: {name: http}", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.type", 9, 15, "expected a single value, got a mapping");
    }

    [Fact]
    public void Parse_ScalarWhereListExpected_ReportsType()
    {
        var error = root.Error(Header.Replace("images:", "images: talos", StringComparison.Ordinal));

        ManifestAssert.At(error, null, "spec.images", 6, 11, "expected a list, got 'talos'");
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsItsLocation()
    {
        var error = root.Error(WithImages(HttpImage()).Replace("type: http", "type: \"http", StringComparison.Ordinal));

        Assert.Null(error.Image);
        Assert.StartsWith("YAML syntax error: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 9, $"syntax error reported at line {error.Line}");
    }

    [Fact]
    public void Parse_BadIndentation_ReportsSyntaxErrorLine()
    {
        var error = root.Error(WithImages(HttpImage()).Replace("        url:", "       url:", StringComparison.Ordinal));

        Assert.StartsWith("YAML syntax error: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, error.Line);
    }

    [Fact]
    public void Parse_DuplicateKey_ReportsSyntaxError()
    {
        var error = root.Error(WithImages(HttpImage()).Replace("kind: ImageManifest", "kind: ImageManifest\nkind: ImageManifest", StringComparison.Ordinal));

        Assert.Contains("Duplicate key", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Parse_EmptyText_ReportsEmptyManifest()
    {
        var error = root.Error("# nothing here\n");

        Assert.Equal("the manifest is empty", error.Message);
    }

    [Fact]
    public void Parse_TwoDocuments_ReportsSecond()
    {
        var error = root.Error(WithImages(HttpImage()) + "---\nkind: Other\n");

        ManifestAssert.At(error, null, "", 15, 1, "only one YAML document is allowed");
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllInDocumentOrder()
    {
        var yaml = WithImages(HttpImage("Disk") + HttpImage("other", "other.img"))
            .Replace("kind: ImageManifest", "kind: Manifest", StringComparison.Ordinal)
            .Replace("url: https://example.test/other.img", "url: http://example.test/other.img", StringComparison.Ordinal)
            .Replace("path: disk.img", "path: /disk.img", StringComparison.Ordinal);

        var errors = root.Errors(yaml);

        Assert.Equal(
            ["2:7 kind", "7:13 name", "13:15 destination.path", "17:14 source.url"],
            errors.Select(e => $"{e.Line}:{e.Column} {e.Field}"));
        Assert.Equal([null, "Disk", "Disk", "other"], errors.Select(e => e.Image));
    }

    [Fact]
    public void ManifestException_Message_ListsEveryErrorWithLocation()
    {
        var yaml = WithImages(HttpImage("a") + HttpImage("b", "b.img"))
            .Replace($"checksum: {Sha256}", "checksum: md5:abc", StringComparison.Ordinal);

        var exception = Assert.Throws<ManifestException>(() => root.Load(yaml));

        Assert.Equal(root.ManifestPath, exception.FilePath);
        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains(
            "images.yaml:11:19: a: source.checksum: expected sha256:<64 hex digits> or sha512:<128 hex digits>, got 'md5:abc'",
            exception.Message, StringComparison.Ordinal);
        Assert.Contains("images.yaml:18:19: b: source.checksum:", exception.Message, StringComparison.Ordinal);
        Assert.False(exception.IsRetryable);
    }

    [Fact]
    public void ManifestError_ToString_ShowsPathLineColumnImageField()
    {
        var error = new ManifestError("images/images.yaml", "talos-1.9.1", "source.checksum", "bad", 12, 9);

        Assert.Equal("images/images.yaml:12:9: talos-1.9.1: source.checksum: bad", error.ToString());
        Assert.Equal("images/images.yaml: manifest not found", new ManifestError("images/images.yaml", null, "", "manifest not found", 0, 0).ToString());
    }

    [Fact]
    public void Load_MissingFile_ReportsNotFound()
    {
        var exception = Assert.Throws<ManifestException>(() => ManifestLoader.Load("nope.yaml", root.Path));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("nope.yaml", error.FilePath);
        Assert.Contains("manifest not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RelativePath_ResolvesAgainstRootAndShowsRelativePath()
    {
        File.WriteAllText(root.ManifestPath, WithImages(HttpImage().Replace("type: http", "type: ftp", StringComparison.Ordinal)));

        var exception = Assert.Throws<ManifestException>(() => ManifestLoader.Load("images.yaml", root.Path));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("images.yaml:9:15: disk: source.type: expected one of http, file, packer, got 'ftp'; did you mean `http`?", error.ToString());
    }

    [Fact]
    public void Parse_NonScalarKey_ReportsKeyType()
    {
        var error = root.Error(WithImages(HttpImage()) + "? [a, b]\n: c\n");

        ManifestAssert.At(error, null, "", 14, 3, "keys must be plain strings, not a list");
    }
}
