using ImagePipeline.IO;
using ImagePipeline.Manifest;
using ImagePipeline.Sources;

namespace ImagePipeline.Pinning;

/// <summary>
/// Learns an image's digests for Pin: one pass through the same acquisition pipeline as Sync, into a
/// sink that keeps nothing (only the digests are needed, so no multi-GB file is ever written).
/// </summary>
public sealed class Pinner(ImageAcquirer acquirer) : IDisposable
{
    /// <exception cref="Verification.ChecksumMismatchException">The manifest has a source.checksum and the source bytes differ.</exception>
    public async Task<PinResult> PinAsync(ImageDefinition image, CancellationToken cancellationToken)
    {
        var acquired = await acquirer.AcquireAsync(
            image, (_, _) => Task.FromResult<IByteSink>(new DiscardingSink()), progress: null, cancellationToken);
        return PinResult.From(image, acquired);
    }

    public void Dispose() => acquirer.Dispose();
}
