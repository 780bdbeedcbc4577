using ImagePipeline.Sources.Packer;

namespace ImagePipeline.Sources;

/// <summary>Everything an <see cref="ImageAcquirer"/> is built from.</summary>
/// <param name="Acquire">Pipeline, download and decoder knobs.</param>
/// <param name="Packer">How packer is run.</param>
/// <param name="CacheDirectory">The download cache; null disables it.</param>
/// <param name="CacheMaxSize">The cache's bound in bytes.</param>
/// <param name="Environment">Looks up SSL_CERT_FILE/SSL_CERT_DIR and <c>${env:…}</c> references.</param>
public sealed record AcquisitionSettings(
    AcquireOptions Acquire,
    PackerOptions Packer,
    string? CacheDirectory,
    long CacheMaxSize,
    Func<string, string?> Environment);
