using ImagePipeline.Layout;
using ImagePipeline.Tests.Manifest;
using static ImagePipeline.Tests.Manifest.ManifestTestRoot;

namespace ImagePipeline.Tests.Layout;

public sealed class StoreLayoutTests : IDisposable
{
    private readonly ManifestTestRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("images/talos/1.9.1/metal-amd64.raw", "metadata/talos/1.9.1/metal-amd64.raw.json")]
    [InlineData("images/b/x.raw", "metadata/b/x.raw.json")]
    [InlineData("images/metadata/x", "metadata/metadata/x.json")]
    public void MetadataKeyFor_IsTheImageKeyMirroredUnderMetadata(string image, string metadata)
    {
        Assert.Equal(metadata, StoreLayout.MetadataKeyFor(image));
        Assert.Equal(image, StoreLayout.ImageKeyFor(metadata));
    }

    [Fact]
    public void MetadataKeyFor_TwoPrefixesWithTheSamePath_NeverShareADocument()
    {
        var first = _root.LoadImages(HttpImage(path: "x.raw")).Images[0];
        var second = _root.Load(WithImages(HttpImage(path: "x.raw")).Replace("spec:\n", "spec:\n  defaults:\n    destinationPrefix: images/b/\n", StringComparison.Ordinal)).Images[0];

        Assert.Equal("metadata/x.raw.json", first.MetadataKey);
        Assert.Equal("metadata/b/x.raw.json", second.MetadataKey);
        Assert.Equal("images/b/", second.DestinationPrefix);
    }

    [Theory]
    [InlineData("metadata/")]
    [InlineData("metadata/.json")]
    [InlineData("images/x.json")]
    [InlineData("metadata/x.raw")]
    public void ImageKeyFor_NotAMetadataKey_IsNull(string key) => Assert.Null(StoreLayout.ImageKeyFor(key));

    [Fact]
    public void MetadataKeyFor_KeyOutsideImages_Throws() =>
        Assert.Throws<ArgumentException>(() => StoreLayout.MetadataKeyFor("isos/x.iso"));

    [Theory]
    [InlineData("images/SHA256SUMS", true)]
    [InlineData("images/SHA512SUMS", true)]
    [InlineData("images/index.json", true)]
    [InlineData("images/t/index.json", false)]
    [InlineData("images/sha256sums", false)]
    public void IsCatalogKey_OnlyTheCatalogFilesAtTheTop(string key, bool catalog) =>
        Assert.Equal(catalog, StoreLayout.IsCatalogKey(key));

    [Theory]
    [InlineData("SHA256SUMS")]
    [InlineData("sha512sums")]
    [InlineData("index.json")]
    [InlineData("INDEX.JSON/x.raw")]
    [InlineData("SHA256SUMS/x.raw")]
    public void Load_DestinationOnACatalogName_IsRejected(string path)
    {
        var error = _root.ImageError(HttpImage(path: path));

        ManifestAssert.At(error, "disk", "destination.path", 13, 15, "which the pipeline writes for consumers (the catalog)");
    }

    [Fact]
    public void Load_PrefixOnACatalogName_IsRejected()
    {
        var error = _root.Error(WithImages(HttpImage()).Replace("spec:\n", "spec:\n  defaults:\n    destinationPrefix: images/SHA256SUMS/\n", StringComparison.Ordinal));

        ManifestAssert.At(error, null, "spec.defaults.destinationPrefix", 7, 24, "collides with `images/SHA256SUMS`");
    }

    [Fact]
    public void Load_PrefixOnACatalogNameInOtherCase_IsRejected()
    {
        var error = _root.Error(WithImages(HttpImage()).Replace("spec:\n", "spec:\n  defaults:\n    destinationPrefix: images/Sha256Sums/\n", StringComparison.Ordinal));

        ManifestAssert.At(error, null, "spec.defaults.destinationPrefix", 7, 24, "collides with `images/SHA256SUMS`");
    }

    [Fact]
    public void Load_CatalogNameDeeperDown_IsAnOrdinaryPath() =>
        Assert.Equal("images/pxe/index.json", _root.LoadImages(HttpImage(path: "pxe/index.json")).Images[0].ObjectKey);
}
