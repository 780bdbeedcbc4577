using System.Security.Cryptography;
using ImagePipeline.Compression;
using ImagePipeline.Manifest;
using ImagePipeline.Verification;

namespace ImagePipeline.Tests.Sources;

/// <summary>Manifest entries and digests for acquisition tests.</summary>
internal static class TestImages
{
    public static Checksum Sha256(byte[] bytes) => Checksum.FromBytes(HashAlgorithmKind.Sha256, SHA256.HashData(bytes));

    public static Checksum Sha256(string path) => Sha256(System.IO.File.ReadAllBytes(path));

    public static ImageDefinition Http(string name, Uri url, Checksum sourceChecksum, CompressionFormat? decompress = null, Checksum? expectedOutput = null) =>
        Define(name, new HttpImageSource(url, sourceChecksum, decompress), expectedOutput ?? sourceChecksum);

    public static ImageDefinition File(string name, string path, Checksum sourceChecksum, CompressionFormat? decompress = null, Checksum? expectedOutput = null) =>
        Define(name, new FileImageSource(path, path, sourceChecksum, decompress), expectedOutput ?? sourceChecksum);

    private static ImageDefinition Define(string name, ImageSource source, Checksum expectedOutput) =>
        new(name, source, $"images/{name}.raw", $"prefix/images/{name}.raw", expectedOutput.Algorithm, expectedOutput, Line: 1);
}
