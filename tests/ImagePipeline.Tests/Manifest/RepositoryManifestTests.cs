using ImagePipeline.Compression;
using ImagePipeline.Manifest;
using ImagePipeline.Testing;
using ImagePipeline.Verification;

namespace ImagePipeline.Tests.Manifest;

/// <summary>The manifests checked into the repository.</summary>
public sealed class RepositoryManifestTests
{
    [Fact]
    public void Quickstart_Loads_WithBundledFiles()
    {
        var manifest = ManifestLoader.Load("examples/quickstart/images.yaml", RepositoryPaths.Root);

        Assert.Equal(["tiny-disk-1.0", "tiny-rootfs-2.3", "tiny-firmware-0.9"], manifest.Images.Select(i => i.Name));
        Assert.All(manifest.Images, i => Assert.True(File.Exists(Assert.IsType<FileImageSource>(i.Source).FullPath)));
        var rootfs = manifest.Find("tiny-rootfs-2.3")!;
        Assert.Equal(CompressionFormat.Xz, ((FileImageSource)rootfs.Source).Decompress);
        Assert.Equal("images/tiny-rootfs/2.3/tiny-rootfs.raw", rootfs.ObjectKey);
        Assert.Equal(HashAlgorithmKind.Sha512, manifest.Find("tiny-firmware-0.9")!.ValidationAlgorithm);
    }

    [Fact]
    public async Task Quickstart_Checksums_MatchBundledFiles()
    {
        var manifest = ManifestLoader.Load("examples/quickstart/images.yaml", RepositoryPaths.Root);

        foreach (var image in manifest.Images)
        {
            var source = (FileImageSource)image.Source;
            var checksum = Assert.IsType<Checksum>(source.Checksum);
            await using var stream = File.OpenRead(source.FullPath);
            var digest = checksum.Algorithm == HashAlgorithmKind.Sha256
                ? await System.Security.Cryptography.SHA256.HashDataAsync(stream)
                : await System.Security.Cryptography.SHA512.HashDataAsync(stream);
            Assert.Equal(checksum, Checksum.FromBytes(checksum.Algorithm, digest));
        }
    }

    [Fact]
    public void ImagesYaml_FailsOnlyOnChecksumPlaceholders()
    {
        var exception = Assert.Throws<ManifestException>(() => ManifestLoader.Load("images/images.yaml", RepositoryPaths.Root));

        Assert.Equal(
            [
                "talos-1.9.1 source.checksum placeholder: put the published checksum here (or run ./build.sh Pin --image talos-1.9.1)",
                "talos-1.9.1 validation.expected placeholder: put the checksum of the decompressed image here (or run ./build.sh Pin --image talos-1.9.1)",
                "harvester-1.4.0 source.checksum placeholder: put the published checksum here (or run ./build.sh Pin --image harvester-1.4.0)",
            ],
            exception.Errors.Select(e => $"{e.Image} {e.Field} {e.Message}"));
        Assert.All(exception.Errors, e => Assert.Equal("images/images.yaml", e.FilePath));
    }

    [Fact]
    public void ImagesYaml_WithPinnedChecksums_LoadsSeedImages()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "images", "images.yaml"));
        var pinned = ManifestEditor.SetChecksums(text, "talos-1.9.1", Checksum.Parse(ManifestTestRoot.Sha256), Checksum.Parse(ManifestTestRoot.OtherSha256));
        pinned = ManifestEditor.SetChecksums(pinned, "harvester-1.4.0", Checksum.Parse(ManifestTestRoot.Sha512), null);

        var manifest = ManifestLoader.Parse(pinned, "images/images.yaml", RepositoryPaths.Root);

        var talos = manifest.Find("talos-1.9.1")!;
        Assert.Equal("images/talos/1.9.1/metal-amd64.raw", talos.ObjectKey);
        Assert.Equal(new Uri("https://factory.talos.dev/image/376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba/v1.9.1/metal-amd64.raw.xz"), ((HttpImageSource)talos.Source).Url);
        var vyos = Assert.IsType<PackerImageSource>(manifest.Find("vyos-gateway")!.Source);
        Assert.Equal("${env:VYOS_SSH_PASSWORD}", vyos.Variables["ssh_password"]);
        Assert.True(File.Exists(Path.Combine(vyos.FullPath, "vyos-gateway.pkr.hcl")));
        Assert.Equal("images/harvester/1.4.0/harvester-v1.4.0-amd64.iso", manifest.Find("harvester-1.4.0")!.ObjectKey);
    }

    [Theory]
    [InlineData("images/images.yaml", "# yaml-language-server: $schema=./images.schema.json")]
    [InlineData("examples/quickstart/images.yaml", "# yaml-language-server: $schema=../../images/images.schema.json")]
    public void Manifest_FirstLine_ReferencesSchemaRelativeToItsFolder(string manifest, string firstLine)
    {
        var path = Path.Combine(RepositoryPaths.Root, manifest);

        Assert.Equal(firstLine, File.ReadLines(path).First());
        var schema = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, firstLine.Split('=')[1]));
        Assert.Equal(Path.Combine(RepositoryPaths.Root, ManifestSchema.RelativePath), schema);
    }
}
