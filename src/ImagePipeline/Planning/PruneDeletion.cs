using ImagePipeline.Verification;

namespace ImagePipeline.Planning;

/// <summary>One object a Prune deletes, as the dry run lists it and the real run logs it.</summary>
/// <param name="Key">Store key.</param>
/// <param name="What">What it is, in words: <c>image</c>, <c>metadata of images/…</c>, <c>unmanaged object</c>, <c>symbolic link to …</c>.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Digest">The image's digest (for metadata: the digest it records), when known.</param>
public sealed record PruneDeletion(string Key, string What, long Size, Checksum? Digest);
