using System.Security.Cryptography;

namespace ImagePipeline.Verification;

/// <summary>A digest computed piece by piece while bytes stream past.</summary>
public sealed class IncrementalDigest(HashAlgorithmKind algorithm) : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(algorithm switch
    {
        HashAlgorithmKind.Sha256 => HashAlgorithmName.SHA256,
        HashAlgorithmKind.Sha512 => HashAlgorithmName.SHA512,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    });

    public HashAlgorithmKind Algorithm { get; } = algorithm;

    public void Append(ReadOnlySpan<byte> data) => _hash.AppendData(data);

    /// <summary>The digest of everything appended so far; starts over afterwards.</summary>
    public Checksum Finish() => Checksum.FromBytes(Algorithm, _hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
