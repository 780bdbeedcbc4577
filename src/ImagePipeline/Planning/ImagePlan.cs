using ImagePipeline.Verification;

namespace ImagePipeline.Planning;

/// <summary>Sync's decision for one image and why.</summary>
/// <param name="Name">Manifest image name.</param>
/// <param name="ObjectKey">Store key of the image.</param>
/// <param name="SourceType">http, file or packer.</param>
/// <param name="Action">What Sync does.</param>
/// <param name="Reason">Why, in words for the plan table.</param>
/// <param name="Expected">Digest the manifest expects; null for packer images (known after the build).</param>
/// <param name="Stored">Digest recorded in the store's metadata, when there is metadata.</param>
/// <param name="Fingerprint">Packer input fingerprint computed for this run, when it is a packer image.</param>
/// <param name="StoredSize">Size recorded in the store's metadata, when there is metadata.</param>
public sealed record ImagePlan(
    string Name,
    string ObjectKey,
    string SourceType,
    ImageAction Action,
    string Reason,
    Checksum? Expected,
    Checksum? Stored,
    string? Fingerprint = null,
    long? StoredSize = null)
{
    public bool NeedsWork => Action is ImageAction.Upload or ImageAction.Replace;
}
