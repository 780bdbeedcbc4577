using ImagePipeline.Manifest;
using ImagePipeline.Testing;
using static ImagePipeline.Tests.Manifest.ManifestTestRoot;

namespace ImagePipeline.Tests.Manifest;

/// <summary>
/// file sources and packer directories resolve, symbolic links included, inside the repository or
/// a listed file root; everything else is a located error. Real links on a real file system.
/// </summary>
public sealed class ManifestLoaderConfinementTests : IDisposable
{
    private readonly ManifestTestRoot root = new();
    private readonly TempDirectory outside = new("outside-repository");

    public ManifestLoaderConfinementTests()
    {
        File.WriteAllText(outside.Combine("secret.img"), "not for publishing");
        Directory.CreateDirectory(outside.Combine("packer"));
        File.WriteAllText(outside.Combine("packer", "build.pkr.hcl"), "# template\n");
    }

    public void Dispose()
    {
        root.Dispose();
        outside.Dispose();
    }

    [Fact]
    public void Parse_FileSymlinkInsideTheRepositoryPointingOutside_IsRejected()
    {
        File.CreateSymbolicLink(root.Combine("files", "link.img"), outside.Combine("secret.img"));

        var error = root.ImageError(FileImage("files/link.img"));

        ManifestAssert.At(error, "disk", "source.path", 10, 15,
            $"'files/link.img' resolves (through a symbolic link) to '{outside.Combine("secret.img")}', outside the repository");
    }

    [Fact]
    public void Parse_FileThroughASymlinkedFolderAndDotDot_IsCheckedWhereTheKernelGoes()
    {
        // Lexically files/ln/../disk.img is files/disk.img, inside; the kernel follows ln first.
        Directory.CreateDirectory(outside.Combine("sub"));
        File.WriteAllText(outside.Combine("disk.img"), "outside");
        Directory.CreateSymbolicLink(root.Combine("files", "ln"), outside.Combine("sub"));

        var error = root.ImageError(FileImage("files/ln/../disk.img"));

        ManifestAssert.At(error, "disk", "source.path", 10, 15, $"to '{outside.Combine("disk.img")}', outside the repository");
    }

    [Fact]
    public void Parse_FileDotDotOutOfTheRepository_IsRejected()
    {
        var relative = Path.GetRelativePath(root.Path, outside.Combine("secret.img"));

        var error = root.ImageError(FileImage(relative));

        ManifestAssert.At(error, "disk", "source.path", 10, 15, $"is '{outside.Combine("secret.img")}', outside the repository");
    }

    [Fact]
    public void Parse_AbsoluteEtcShadow_IsRejectedBeforeItIsEverRead()
    {
        var error = root.ImageError(FileImage("/etc/shadow"));

        ManifestAssert.At(error, "disk", "source.path", 10, 15, "'/etc/shadow' is outside the repository; move it inside, or list its folder with --file-root");
    }

    [Fact]
    public void Parse_FileInAListedFileRoot_LoadsWithItsRealPath()
    {
        File.CreateSymbolicLink(root.Combine("files", "link.img"), outside.Combine("secret.img"));
        var options = ManifestLoadOptions.Strict with { FileRoots = [outside.Path] };

        var manifest = ManifestLoader.Parse(WithImages(FileImage("files/link.img")), root.ManifestPath, root.Path, options);

        Assert.Equal(outside.Combine("secret.img"), Assert.IsType<FileImageSource>(Assert.Single(manifest.Images).Source).FullPath);
    }

    [Fact]
    public void Parse_FileRootThatDoesNotExist_IsAnError()
    {
        var options = ManifestLoadOptions.Strict with { FileRoots = ["no-such-folder"] };

        var error = Assert.Single(Assert.Throws<ManifestException>(() =>
            ManifestLoader.Parse(WithImages(FileImage("files/disk.img")), root.ManifestPath, root.Path, options)).Errors);

        Assert.Contains("file root 'no-such-folder' (--file-root) is not a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SymlinkThatStaysInside_Loads()
    {
        File.CreateSymbolicLink(root.Combine("files", "alias.img"), "disk.img");

        var image = Assert.Single(root.LoadImages(FileImage("files/alias.img")).Images);

        Assert.Equal(root.Combine("files", "disk.img"), Assert.IsType<FileImageSource>(image.Source).FullPath);
    }

    [Fact]
    public void Parse_PackerPathThatIsASymlinkOutOfTheRepository_IsRejected()
    {
        Directory.CreateSymbolicLink(root.Combine("linked-packer"), outside.Combine("packer"));

        var error = root.ImageError(PackerImage("linked-packer", "output/gw.qcow2"));

        ManifestAssert.At(error, "gw", "source.path", 10, 15, $"'linked-packer' resolves (through a symbolic link) to '{outside.Combine("packer")}', outside the repository");
    }

    [Fact]
    public void Parse_PackerArtifactFolderLinkedOutside_IsRejected()
    {
        Directory.CreateSymbolicLink(root.Combine("packer", "linked-output"), outside.Path);

        var error = root.ImageError(PackerImage("packer", "linked-output/gw.qcow2"));

        ManifestAssert.At(error, "gw", "source.artifact", 11, 19, "must be a relative path inside the packer directory 'packer'");
    }

    private static string FileImage(string path) => $"""
            - name: disk
              source:
                type: file
                path: "{path}"
                checksum: {Sha256}
              destination:
                path: disk.img

        """;

    private static string PackerImage(string path, string artifact) => $"""
            - name: gw
              source:
                type: packer
                path: {path}
                artifact: {artifact}
              destination:
                path: gw.qcow2

        """;
}
