using ImagePipeline.Compression;
using ImagePipeline.Manifest;
using ImagePipeline.Sources;
using ImagePipeline.Sources.Packer;
using ImagePipeline.Storage;
using ImagePipeline.Storage.FileSystem;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Benchmarks;

/// <summary>
/// One production Acquire of an https .xz source (no cache): a fresh <see cref="ImageAcquirer"/>
/// (new connection, TLS handshake), both digests, the decompressed bytes written to disk as a directory
/// store's staged upload (then discarded).
/// </summary>
internal static class HttpAcquire
{
    /// <summary>The source digest is only computed here, not compared (that is Verify's job), so any value will do.</summary>
    private static readonly Checksum AnySourceChecksum = Checksum.Parse("sha256:" + new string('0', 64));

    public static async Task<AcquiredImage> RunAsync(Uri url, string certificatePem, string workDirectory, CancellationToken cancellationToken)
    {
        var image = new ImageDefinition(
            "bench-disk",
            new HttpImageSource(url, AnySourceChecksum, CompressionFormat.Xz),
            "bench/disk.raw",
            "images/bench/disk.raw",
            HashAlgorithmKind.Sha256,
            ExpectedOutput: null,
            Line: 1);
        var settings = new AcquisitionSettings(
            new AcquireOptions { MaxImageSize = long.MaxValue }, new PackerOptions(), CacheDirectory: null, CacheMaxSize: 0,
            name => name == "SSL_CERT_FILE" ? certificatePem : null);
        using var acquirer = ImageAcquirer.Create(settings, Logger.None);
        var store = new FileSystemImageStore(workDirectory, Logger.None);
        IStagedUpload? upload = null;
        try
        {
            return await acquirer.AcquireAsync(image, async (declared, ct) =>
                upload = await store.BeginUploadAsync(image.ObjectKey, declared ?? AnySourceChecksum, ct), progress: null, cancellationToken);
        }
        finally
        {
            if (upload is not null)
            {
                await upload.DisposeAsync();
            }
        }
    }
}
