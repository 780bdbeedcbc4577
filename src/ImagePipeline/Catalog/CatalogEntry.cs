using ImagePipeline.Verification;

namespace ImagePipeline.Catalog;

/// <summary>One published image as the consumer catalog lists it.</summary>
/// <param name="Path">Relative to <c>images/</c>, as on the NAS copy: <c>talos/1.9.1/metal-amd64.raw</c>.</param>
/// <param name="Name">Manifest image name.</param>
/// <param name="Checksum">Digest of the published bytes (from its metadata).</param>
/// <param name="Size">Bytes.</param>
/// <param name="UploadedAt">When it was published.</param>
/// <param name="SourceType">http, file or packer.</param>
public sealed record CatalogEntry(string Path, string Name, Checksum Checksum, long Size, DateTimeOffset UploadedAt, string SourceType);
