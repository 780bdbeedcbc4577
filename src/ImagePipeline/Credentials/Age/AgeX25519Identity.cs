using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace ImagePipeline.Credentials.Age;

/// <summary>
/// An age X25519 identity (<c>AGE-SECRET-KEY-1…</c>). Unwraps the file key from X25519 recipient
/// stanzas. <see cref="ToString"/> shows the public recipient only.
/// </summary>
public sealed class AgeX25519Identity
{
    private const string SecretKeyPrefix = "age-secret-key-";
    private const string RecipientPrefix = "age";
    private static readonly byte[] WrapInfo = "age-encryption.org/v1/X25519"u8.ToArray();

    private readonly byte[] secretKey;
    private readonly byte[] publicKey;

    private AgeX25519Identity(byte[] secretKey)
    {
        this.secretKey = secretKey;
        publicKey = new byte[X25519.PointSize];
        X25519.ScalarMultBase(secretKey, 0, publicKey, 0);
        Recipient = Bech32.Encode(RecipientPrefix, publicKey);
    }

    /// <summary>The public recipient, <c>age1…</c>.</summary>
    public string Recipient { get; }

    /// <summary>Parses an identity; returns false for anything that is not a valid X25519 identity.</summary>
    public static bool TryParse(string text, out AgeX25519Identity? identity)
    {
        identity = null;
        if (text is null || !Bech32.TryDecode(text, out var hrp, out var data)
            || !string.Equals(hrp, SecretKeyPrefix, StringComparison.Ordinal) || data.Length != X25519.ScalarSize)
        {
            return false;
        }

        identity = new AgeX25519Identity(data);
        return true;
    }

    /// <summary>
    /// Returns the 16-byte file key when <paramref name="stanza"/> is an X25519 stanza addressed to this
    /// identity, null when it is addressed to someone else (or is another stanza type).
    /// Throws <see cref="AgeDecryptionException"/> for a malformed X25519 stanza.
    /// </summary>
    public byte[]? TryUnwrap(AgeStanza stanza)
    {
        ArgumentNullException.ThrowIfNull(stanza);
        if (!string.Equals(stanza.Type, "X25519", StringComparison.Ordinal))
        {
            return null;
        }

        if (stanza.Arguments.Count != 1)
        {
            throw new AgeDecryptionException("age header: X25519 stanza must have exactly one argument");
        }

        var ephemeralShare = AgeBase64.Decode(stanza.Arguments[0], "X25519 ephemeral share");
        if (ephemeralShare.Length != X25519.PointSize)
        {
            throw new AgeDecryptionException("age header: X25519 ephemeral share must be 32 bytes");
        }

        if (stanza.Body.Length != 32)
        {
            throw new AgeDecryptionException("age header: X25519 stanza body must be 32 bytes");
        }

        var shared = new byte[X25519.PointSize];
        if (!X25519.CalculateAgreement(secretKey, 0, ephemeralShare, 0, shared, 0))
        {
            // An all-zero shared secret (low-order point) is refused by the age specification.
            throw new AgeDecryptionException("age header: X25519 stanza has a low-order ephemeral share");
        }

        var wrapKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, [.. ephemeralShare, .. publicKey], WrapInfo);
        var fileKey = new byte[16];
        try
        {
            using var aead = new ChaCha20Poly1305(wrapKey);
            aead.Decrypt(new byte[12], stanza.Body.AsSpan(0, 16), stanza.Body.AsSpan(16, 16), fileKey);
            return fileKey;
        }
        catch (CryptographicException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    public override string ToString() => $"age X25519 identity for {Recipient}";
}
