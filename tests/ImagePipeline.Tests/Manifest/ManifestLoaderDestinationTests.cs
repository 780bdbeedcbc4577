using static ImagePipeline.Tests.Manifest.ManifestTestRoot;

namespace ImagePipeline.Tests.Manifest;

/// <summary>destination.path, spec.defaults.destinationPrefix and unique object keys.</summary>
public sealed class ManifestLoaderDestinationTests : IDisposable
{
    private readonly ManifestTestRoot root = new();

    public void Dispose() => root.Dispose();

    [Theory]
    [InlineData("/disk.img", "must be relative (no leading `/`)")]
    [InlineData("disk/", "must not end with `/`")]
    [InlineData("a//disk.img", "must not contain empty segments")]
    [InlineData("a/./disk.img", "must not contain `.` segments")]
    [InlineData("a/../disk.img", "must not contain `..`")]
    [InlineData("..", "must not contain `..`")]
    [InlineData("a\\\\disk.img", "must use forward slashes")]
    [InlineData("a\\tdisk.img", "must not contain control characters")]
    [InlineData("C:/disk.img", "must be relative")]
    public void Parse_BadDestinationPath_Reports(string path, string message)
    {
        var error = root.ImageError(HttpImage(path: $"\"{path}\""));

        ManifestAssert.At(error, "disk", "destination.path", 13, 15, message);
    }

    [Fact]
    public void Parse_DestinationEmpty_ReportsRequired()
    {
        var error = root.ImageError(HttpImage().Replace("        path: disk.img\n", "", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "destination", 12, 7, "required but missing");
    }

    [Fact]
    public void Parse_DestinationPathMissing_ReportsRequired()
    {
        var errors = root.ImageErrors(HttpImage().Replace("        path: disk.img\n", "        file: disk.img\n", StringComparison.Ordinal));

        Assert.Equal(2, errors.Count);
        ManifestAssert.At(ManifestAssert.For(errors, "destination.path"), "disk", "destination.path", 13, 9, "required but missing");
        ManifestAssert.At(ManifestAssert.For(errors, "destination.file"), "disk", "destination.file", 13, 9, "unknown key `file`; allowed: path");
    }

    [Fact]
    public void Parse_DestinationMissing_ReportsRequired()
    {
        var error = root.ImageError(HttpImage().Replace("      destination:\n        path: disk.img\n", "", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "destination", 7, 7, "required but missing");
    }

    [Fact]
    public void Parse_CustomPrefix_BuildsObjectKey()
    {
        var yaml = WithImages(HttpImage(path: "talos/disk.img")).Replace("spec:\n", "spec:\n  defaults:\n    destinationPrefix: images/lab/\n", StringComparison.Ordinal);

        var manifest = root.Load(yaml);

        Assert.Equal("images/lab/", manifest.DestinationPrefix);
        Assert.Equal("images/lab/talos/disk.img", Assert.Single(manifest.Images).ObjectKey);
        Assert.Equal("metadata/lab/talos/disk.img.json", Assert.Single(manifest.Images).MetadataKey);
    }

    [Theory]
    [InlineData("images", "must end with `/`")]
    [InlineData("/images/", "must be relative")]
    [InlineData("/", "must be relative")]
    [InlineData("a//", "must not contain empty segments")]
    [InlineData("../images/", "must not contain `..`")]
    public void Parse_BadPrefix_Reports(string prefix, string message)
    {
        var yaml = WithImages(HttpImage()).Replace("spec:\n", $"spec:\n  defaults:\n    destinationPrefix: \"{prefix}\"\n", StringComparison.Ordinal);

        var error = root.Error(yaml);

        ManifestAssert.At(error, null, "spec.defaults.destinationPrefix", 7, 24, message);
    }

    [Fact]
    public void Parse_SameDestinationTwice_ReportsSecondWithFirst()
    {
        var error = root.ImageError(HttpImage("a", "same.img") + HttpImage("b", "same.img"));

        ManifestAssert.At(error, "b", "destination.path", 20, 15, "key 'images/same.img' is also the destination of 'a' (line 13)");
    }

    [Fact]
    public void Parse_PrefixOutsideImages_Reports()
    {
        var yaml = WithImages(HttpImage(path: "x.json")).Replace("spec:\n", "spec:\n  defaults:\n    destinationPrefix: metadata/\n", StringComparison.Ordinal);

        var error = root.Error(yaml);

        ManifestAssert.At(error, null, "spec.defaults.destinationPrefix", 7, 24, "must be `images/` or a folder inside it");
    }
}
