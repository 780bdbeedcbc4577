using ImagePipeline.Manifest;
using static ImagePipeline.Tests.Manifest.ManifestTestRoot;

namespace ImagePipeline.Tests.Manifest;

/// <summary>packer and file sources, against real directories and files under a temporary root.</summary>
public sealed class ManifestLoaderPackerAndFileTests : IDisposable
{
    private const string PackerImage = """
            - name: gw
              source:
                type: packer
                path: packer
                artifact: output/gw.qcow2
                variables:
                  version: "1.4"
                  password: ${env:PW}
              destination:
                path: gw.qcow2

        """;

    private static readonly string FileImage = $"""
            - name: disk
              source:
                type: file
                path: files/disk.img
                checksum: {Sha256}
              destination:
                path: disk.img

        """;

    private readonly ManifestTestRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Parse_PackerSource_ResolvesDirectoryAndKeepsVariables()
    {
        var image = Assert.Single(root.LoadImages(PackerImage).Images);

        var source = Assert.IsType<PackerImageSource>(image.Source);
        Assert.Equal("packer", source.Path);
        Assert.Equal(root.Combine("packer"), source.FullPath);
        Assert.Equal("output/gw.qcow2", source.Artifact);
        Assert.Equal(new Dictionary<string, string> { ["version"] = "1.4", ["password"] = "${env:PW}" }, source.Variables);
        Assert.Null(image.ExpectedOutput);
    }

    [Fact]
    public void Parse_PackerWithoutVariables_HasEmptyVariables()
    {
        var image = Assert.Single(root.LoadImages(PackerImage.Replace("          version: \"1.4\"\n          password: ${env:PW}\n", "", StringComparison.Ordinal)).Images);

        Assert.Empty(Assert.IsType<PackerImageSource>(image.Source).Variables);
    }

    [Theory]
    [InlineData("missing", "directory not found: 'missing'")]
    [InlineData("empty", "'empty' contains no *.pkr.hcl template")]
    [InlineData("../outside", "', outside the repository; move it inside, or list its folder with --file-root")]
    [InlineData("/etc", "must be a relative path inside the repository, got '/etc'")]
    public void Parse_BadPackerPath_Reports(string path, string message)
    {
        var error = root.ImageError(PackerImage.Replace("path: packer", $"path: {path}", StringComparison.Ordinal));

        ManifestAssert.At(error, "gw", "source.path", 10, 15, message);
    }

    [Fact]
    public void Parse_PackerPathMissing_ReportsRequired()
    {
        var error = root.ImageError(PackerImage.Replace("        path: packer\n", "", StringComparison.Ordinal));

        ManifestAssert.At(error, "gw", "source.path", 9, 9, "required but missing");
    }

    [Theory]
    [InlineData("../escape.qcow2")]
    [InlineData("/tmp/gw.qcow2")]
    [InlineData("output/../../gw.qcow2")]
    public void Parse_ArtifactOutsidePackerDirectory_Reports(string artifact)
    {
        var error = root.ImageError(PackerImage.Replace("artifact: output/gw.qcow2", $"artifact: {artifact}", StringComparison.Ordinal));

        ManifestAssert.At(error, "gw", "source.artifact", 11, 19, $"must be a relative path inside the packer directory 'packer', got '{artifact}'");
    }

    [Fact]
    public void Parse_ArtifactMissing_ReportsRequired()
    {
        var error = root.ImageError(PackerImage.Replace("        artifact: output/gw.qcow2\n", "", StringComparison.Ordinal));

        ManifestAssert.At(error, "gw", "source.artifact", 9, 9, "required but missing");
    }

    [Fact]
    public void Parse_VariableWithListValue_ReportsType()
    {
        var error = root.ImageError(PackerImage.Replace("version: \"1.4\"", "version: [1, 4]", StringComparison.Ordinal));

        ManifestAssert.At(error, "gw", "source.variables.version", 13, 20, "expected a single value, got a list");
    }

    [Fact]
    public void Parse_VariableWithoutValue_ReportsType()
    {
        var error = root.ImageError(PackerImage.Replace("version: \"1.4\"", "version:", StringComparison.Ordinal));

        ManifestAssert.At(error, "gw", "source.variables.version", 13, 11, "expected a string value");
    }

    [Fact]
    public void Parse_VariablesAsList_ReportsType()
    {
        var error = root.ImageError(PackerImage.Replace("          version: \"1.4\"\n          password: ${env:PW}\n", "          - version\n", StringComparison.Ordinal));

        ManifestAssert.At(error, "gw", "source.variables", 13, 11, "expected a mapping (key: value pairs), got a list");
    }

    [Theory]
    [InlineData("url: https://example.test/x.img", "url")]
    [InlineData("checksum: " + Sha256, "checksum")]
    [InlineData("decompress: xz", "decompress")]
    public void Parse_HttpKeysOnPacker_ReportNotAllowed(string line, string key)
    {
        var error = root.ImageError(PackerImage.Replace("        path: packer\n", $"        path: packer\n        {line}\n", StringComparison.Ordinal));

        ManifestAssert.At(error, "gw", "source." + key, 11, 9, $"`{key}` is not allowed on packer sources; allowed: type, path, artifact, variables");
    }

    [Fact]
    public void Parse_PackerWithValidationExpected_UsesIt()
    {
        var image = Assert.Single(root.LoadImages(PackerImage + $"      validation:\n        expected: {Sha256}\n").Images);

        Assert.Equal(Sha256, image.ExpectedOutput!.ToString());
    }

    [Fact]
    public void Parse_FileSource_ResolvesAgainstRoot()
    {
        var image = Assert.Single(root.LoadImages(FileImage).Images);

        var source = Assert.IsType<FileImageSource>(image.Source);
        Assert.Equal("files/disk.img", source.Path);
        Assert.Equal(root.Combine("files", "disk.img"), source.FullPath);
        Assert.Equal(Sha256, image.ExpectedOutput!.ToString());
    }

    [Fact]
    public void Parse_FileSourceAbsolutePath_Loads()
    {
        var absolute = root.Combine("files", "disk.img");

        var image = Assert.Single(root.LoadImages(FileImage.Replace("path: files/disk.img", $"path: {absolute}", StringComparison.Ordinal)).Images);

        Assert.Equal(absolute, Assert.IsType<FileImageSource>(image.Source).FullPath);
    }

    [Fact]
    public void Parse_FileSourceMissingFile_ReportsResolvedPath()
    {
        var error = root.ImageError(FileImage.Replace("files/disk.img", "files/nope.img", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.path", 10, 15, $"file not found: 'files/nope.img' (resolved to {root.Combine("files", "nope.img")})");
    }

    [Fact]
    public void Parse_FileSourceDirectory_Reports()
    {
        var error = root.ImageError(FileImage.Replace("files/disk.img", "files", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.path", 10, 15, "expected a file, 'files' is a directory");
    }

    [Fact]
    public void Parse_FileSourceWithoutPathAndChecksum_ReportsBoth()
    {
        var errors = root.ImageErrors(FileImage
            .Replace("        path: files/disk.img\n", "", StringComparison.Ordinal)
            .Replace($"        checksum: {Sha256}\n", "", StringComparison.Ordinal));

        Assert.Equal(2, errors.Count);
        ManifestAssert.At(ManifestAssert.For(errors, "source.path"), "disk", "source.path", 9, 9, "required but missing");
        ManifestAssert.At(ManifestAssert.For(errors, "source.checksum"), "disk", "source.checksum", 9, 9, "required but missing");
    }

    [Fact]
    public void Parse_FileSourceUrl_ReportsNotAllowed()
    {
        var error = root.ImageError(FileImage.Replace("type: file\n", "type: file\n        url: https://example.test/a\n", StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.url", 10, 9, "`url` is not allowed on file sources");
    }
}
