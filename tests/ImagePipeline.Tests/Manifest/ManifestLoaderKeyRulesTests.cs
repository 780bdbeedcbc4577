using System.Text;
using ImagePipeline.Manifest;
using static ImagePipeline.Tests.Manifest.ManifestTestRoot;

namespace ImagePipeline.Tests.Manifest;

/// <summary>Store keys mean one thing on S3, a directory, a case-insensitive Synology share and in a URL.</summary>
public sealed class ManifestLoaderKeyRulesTests : IDisposable
{
    private readonly ManifestTestRoot root = new();

    public void Dispose() => root.Dispose();

    [Theory]
    [InlineData("a/%2e%2e/disk.img", "percent-encoded")]
    [InlineData("a/%2E/disk.img", "percent-encoded")]
    [InlineData("a%2fb/disk.img", "percent-encoded")]
    [InlineData("a./disk.img", "segment 'a.' ends with a dot or a space")]
    [InlineData("a/disk.img.", "ends with a dot or a space")]
    [InlineData("a /disk.img", "segment 'a ' ends with a dot or a space")]
    [InlineData("cafe\\u0301/disk.img", "must be in Unicode NFC (composed) form: U+0301")]
    [InlineData("\\u212Bngstrom/disk.img", "U+212B")]
    public void Parse_KeyRuleBroken_IsLocatedAtDestinationPath(string path, string message)
    {
        var error = root.ImageError(HttpImage(path: $"\"{path}\""));

        ManifestAssert.At(error, "disk", "destination.path", 13, 15, message);
    }

    [Fact]
    public void Parse_UnpairedSurrogateEscape_IsRejectedAtItsLine()
    {
        var error = root.ImageError(HttpImage(path: "\"a/\\uD800.img\""));

        Assert.Equal(13, error.Line);
    }

    [Fact]
    public void Parse_ComposedNonAsciiPath_IsAccepted()
    {
        var image = Assert.Single(root.LoadImages(HttpImage(path: "café/ångström/डिस्क.img")).Images);

        Assert.Equal("images/café/ångström/डिस्क.img", image.ObjectKey);
    }

    [Fact]
    public void Parse_SegmentOver255Bytes_IsRejectedCountingUtf8Bytes()
    {
        var segment = string.Concat(Enumerable.Repeat("é", 128));

        var error = root.ImageError(HttpImage(path: segment + "/disk.img"));

        ManifestAssert.At(error, "disk", "destination.path", 13, 15, "is 256 bytes (UTF-8); at most 255");
        Assert.True(error.Message.Length < 300, error.Message);
    }

    [Fact]
    public void Parse_FileNameWithoutRoomForMetadataAndTempName_IsRejected()
    {
        var error = root.ImageError(HttpImage(path: new string('f', ObjectKeyRules.MaxFileNameBytes + 1)));

        ManifestAssert.At(error, "disk", "destination.path", 13, 15, $"at most {ObjectKeyRules.MaxFileNameBytes}");
    }

    [Fact]
    public void Parse_KeyOver1024Bytes_IsRejected()
    {
        var path = string.Join('/', Enumerable.Repeat(new string('d', 200), 5)) + "/disk-with-a-longer-name.img";

        var error = root.ImageError(HttpImage(path: path));

        ManifestAssert.At(error, "disk", "destination.path", 13, 15, "S3 allows at most 1024");
        Assert.Equal(1024, ObjectKeyRules.MaxKeyBytes);
        Assert.True(Encoding.UTF8.GetByteCount("images/" + path) > 1024);
    }

    [Fact]
    public void Parse_DestinationsDifferingOnlyInCase_AreRejected()
    {
        var error = root.ImageError(HttpImage("disk", "Talos/Disk.img") + HttpImage("other", "talos/disk.img"));

        ManifestAssert.At(error, "other", "destination.path", 20, 15, "differs only in letter case from the destination of 'disk' ('images/Talos/Disk.img', line 13)");
    }

    [Fact]
    public void Parse_OneKeyIsAnotherKeysFolder_IsRejected()
    {
        var error = root.ImageError(HttpImage("disk", "talos") + HttpImage("other", "talos/disk.img"));

        ManifestAssert.At(error, "other", "destination.path", 20, 15, "needs 'images/talos' to be a folder, but that is the destination of 'disk' (line 13)");
    }

    [Fact]
    public void Parse_MetadataFolderInOtherCase_IsRejected()
    {
        var yaml = WithImages(HttpImage(path: "disk.img")).Replace("spec:\n", "spec:\n  defaults:\n    destinationPrefix: Metadata/\n", StringComparison.Ordinal);

        var error = root.Error(yaml);

        Assert.Contains("must be `images/` or a folder inside it", error.Message, StringComparison.Ordinal);
    }
}
