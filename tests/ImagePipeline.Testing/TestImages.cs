using System.Security.Cryptography;
using System.Text;
using ImagePipeline.Compression;
using ImagePipeline.Manifest;
using ImagePipeline.Metadata;
using ImagePipeline.Verification;

namespace ImagePipeline.Testing;

/// <summary>Builds validated model objects for tests that don't go through the manifest loader.</summary>
public static class TestImages
{
    public static Checksum Sha256Of(string text) =>
        Checksum.FromBytes(HashAlgorithmKind.Sha256, SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static Checksum Sha256(byte[] bytes) => Checksum.FromBytes(HashAlgorithmKind.Sha256, SHA256.HashData(bytes));

    public static Checksum Sha256(string path) => Sha256(System.IO.File.ReadAllBytes(path));

    /// <summary>An http image served from <paramref name="url"/> (acquisition tests).</summary>
    public static ImageDefinition Http(string name, Uri url, Checksum sourceChecksum, CompressionFormat? decompress = null, Checksum? expectedOutput = null) =>
        Define(name, new HttpImageSource(url, sourceChecksum, decompress), expectedOutput ?? sourceChecksum);

    /// <summary>A file image read from <paramref name="path"/> (acquisition tests).</summary>
    public static ImageDefinition File(string name, string path, Checksum sourceChecksum, CompressionFormat? decompress = null, Checksum? expectedOutput = null) =>
        Define(name, new FileImageSource(path, path, sourceChecksum, decompress), expectedOutput ?? sourceChecksum);

    /// <summary>An http image as a manifest loaded for Pin has it: no source checksum and no expected output yet.</summary>
    public static ImageDefinition Unpinned(string name, Uri url, CompressionFormat? decompress = null, HashAlgorithmKind algorithm = HashAlgorithmKind.Sha256) =>
        new(name, new HttpImageSource(url, null, decompress), $"{name}.raw", $"images/lab/{name}.raw", algorithm, null, Line: 1);

    private static ImageDefinition Define(string name, ImageSource source, Checksum expectedOutput) =>
        new(name, source, $"{name}.raw", $"images/lab/{name}.raw", expectedOutput.Algorithm, expectedOutput, Line: 1);

    public static ImageDefinition Http(string name, Checksum? output = null, string prefix = "images/") =>
        new(
            name,
            new HttpImageSource(new Uri($"https://example.test/{name}.iso"), output ?? Sha256Of(name), null),
            $"{name}/{name}.iso",
            $"{prefix}{name}/{name}.iso",
            HashAlgorithmKind.Sha256,
            output ?? Sha256Of(name),
            1);

    public static ImageDefinition Packer(string name) =>
        new(
            name,
            new PackerImageSource("packer/" + name, "/repo/packer/" + name, "out.qcow2", new Dictionary<string, string>()),
            $"{name}/{name}.qcow2",
            $"images/{name}/{name}.qcow2",
            HashAlgorithmKind.Sha256,
            null,
            1);

    public static ImageManifest Manifest(params ImageDefinition[] images) =>
        new("test", "/repo/images/images.yaml", "/repo", "images/", images);

    public static ImageMetadata Metadata(ImageDefinition image, string checksum, long size = 100, string? fingerprint = null) => new()
    {
        Name = image.Name,
        DestinationPrefix = image.DestinationPrefix,
        Checksum = Checksum.Parse(checksum),
        Size = size,
        UploadedAt = DateTimeOffset.UnixEpoch,
        Source = new MetadataSource { Type = image.Source.Type },
        Fingerprint = fingerprint,
        ToolVersion = "test",
    };

    /// <summary>Puts an image and its metadata into a store as a completed Sync would.</summary>
    public static void Publish(InMemoryImageStore store, ImageDefinition image, string? checksum = null, string? fingerprint = null)
    {
        var digest = checksum ?? image.ExpectedOutput!.ToString();
        store.Put(image.ObjectKey, 100, Checksum.Parse(digest));
        store.PutMetadata(image.MetadataKey, Metadata(image, digest, 100, fingerprint));
    }
}
