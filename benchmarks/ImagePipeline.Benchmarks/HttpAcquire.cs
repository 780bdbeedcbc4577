using ImagePipeline.Compression;
using ImagePipeline.Manifest;
using ImagePipeline.Sources;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Benchmarks;

/// <summary>
/// One production Acquire of an https .xz source (no cache): a fresh <see cref="HttpSourceHandler"/>
/// (new connection, TLS handshake), both digests, the decompressed file written to disk.
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
        var options = new AcquireOptions { CacheDirectory = null, MaxImageSize = long.MaxValue };
        using var handler = new HttpSourceHandler(
            options, Logger.None, name => name == "SSL_CERT_FILE" ? certificatePem : null, new Progress<AcquireProgress>());
        return await handler.AcquireAsync(image, workDirectory, cancellationToken);
    }
}
