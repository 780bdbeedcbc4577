using ImagePipeline.Verification;

namespace ImagePipeline.Storage;

/// <summary>An object as a store lists it.</summary>
/// <param name="Key">Full key, e.g. <c>images/talos/1.9.1/metal-amd64.raw</c>.</param>
/// <param name="Size">Bytes.</param>
/// <param name="LastModified">When the store last wrote it.</param>
/// <param name="Digest">The digest recorded with the object at upload (never derived from an ETag); null when unknown.</param>
public sealed record StoredObject(string Key, long Size, DateTimeOffset LastModified, Checksum? Digest);
