using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ImagePipeline.Credentials.Age;

/// <summary>
/// Decrypts age v1 files (binary or ASCII-armored) with X25519 identities: unwraps the file key from
/// the first stanza an identity matches, verifies the header MAC, then decrypts the STREAM payload
/// (ChaCha20-Poly1305, 64 KiB chunks) chunk by chunk into the output.
/// </summary>
public static class AgeDecryptor
{
    private const int ChunkSize = 64 * 1024;
    private const int TagSize = 16;
    private const int NonceSize = 16;
    private const int MaxArmoredBytes = 64 * 1024 * 1024;
    private const string X25519Type = "X25519";
    private static readonly byte[] HeaderInfo = "header"u8.ToArray();
    private static readonly byte[] PayloadInfo = "payload"u8.ToArray();

    /// <summary>
    /// Decrypts <paramref name="input"/> into <paramref name="output"/>. Throws
    /// <see cref="AgeDecryptionException"/> (with <see cref="AgeDecryptionException.NoMatchingIdentity"/>
    /// set when no identity is a recipient) on any failure; output written before a failure must be
    /// discarded by the caller.
    /// </summary>
    public static async Task DecryptAsync(Stream input, Stream output, IReadOnlyCollection<AgeX25519Identity> identities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(identities);
        var buffered = new BufferedStream(input, ChunkSize);
        var prefix = new byte[AgeArmor.DetectionLength];
        var prefixLength = await buffered.ReadAtLeastAsync(prefix, prefix.Length, throwOnEndOfStream: false, cancellationToken);
        Stream source;
        if (AgeArmor.LooksArmored(prefix.AsSpan(0, prefixLength)))
        {
            var text = new MemoryStream();
            text.Write(prefix, 0, prefixLength);
            await CopyLimitedAsync(buffered, text, MaxArmoredBytes, cancellationToken);
            source = new MemoryStream(AgeArmor.Decode(System.Text.Encoding.ASCII.GetString(text.GetBuffer(), 0, (int)text.Length)));
        }
        else
        {
            source = new PrefixedStream(prefix.AsMemory(0, prefixLength), buffered);
        }

        var header = await AgeHeader.ReadAsync(source, cancellationToken);
        var fileKey = UnwrapFileKey(header, identities);
        try
        {
            VerifyHeaderMac(header, fileKey);
            var nonce = new byte[NonceSize];
            if (await source.ReadAtLeastAsync(nonce, NonceSize, throwOnEndOfStream: false, cancellationToken) != NonceSize)
            {
                throw new AgeDecryptionException("age file is truncated: the payload nonce after the header is missing or short");
            }

            var payloadKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, 32, nonce, PayloadInfo);
            try
            {
                await DecryptPayloadAsync(source, output, payloadKey, cancellationToken);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(payloadKey);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }

    private static byte[] UnwrapFileKey(AgeHeader header, IReadOnlyCollection<AgeX25519Identity> identities)
    {
        var scrypt = header.Stanzas.Count(s => string.Equals(s.Type, "scrypt", StringComparison.Ordinal));
        if (scrypt > 0 && header.Stanzas.Count > 1)
        {
            throw new AgeDecryptionException("age header: an scrypt (passphrase) stanza must be the only recipient stanza");
        }

        foreach (var identity in identities)
        {
            foreach (var stanza in header.Stanzas)
            {
                var fileKey = identity.TryUnwrap(stanza);
                if (fileKey is not null)
                {
                    return fileKey;
                }
            }
        }

        var recipients = header.Stanzas.Count(s => string.Equals(s.Type, X25519Type, StringComparison.Ordinal));
        var unsupported = header.Stanzas.Select(s => s.Type).Where(t => !string.Equals(t, X25519Type, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        var unsupportedText = string.Join(", ", unsupported.Take(5).Select(t => MessageText.Truncate(t, 40)));
        if (recipients == 0)
        {
            throw new AgeDecryptionException(
                $"unsupported age recipient type {unsupportedText}: this file can only be opened with such a key (a passphrase for scrypt, a plugin or post-quantum key for the others), and only X25519 identities (AGE-SECRET-KEY-1…) are supported here; re-encrypt it to an X25519 recipient (age1…)");
        }

        var alsoUnsupported = unsupported.Count > 0 ? $"; its other stanzas are of unsupported types ({unsupportedText}): only X25519 identities are supported" : string.Empty;
        throw new AgeDecryptionException(
            $"no age identity matches this file ({identities.Count} identities tried against {recipients} X25519 recipient stanzas{alsoUnsupported})",
            noMatchingIdentity: true);
    }

    private static void VerifyHeaderMac(AgeHeader header, byte[] fileKey)
    {
        var macKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, 32, [], HeaderInfo);
        var expected = HMACSHA256.HashData(macKey, header.MacInput);
        CryptographicOperations.ZeroMemory(macKey);
        if (!CryptographicOperations.FixedTimeEquals(expected, header.Mac))
        {
            throw new AgeDecryptionException("age header MAC does not match (file modified or corrupt)");
        }
    }

    private static async Task DecryptPayloadAsync(Stream source, Stream output, byte[] payloadKey, CancellationToken cancellationToken)
    {
        const int cipherChunk = ChunkSize + TagSize;
        var current = new byte[cipherChunk];
        var next = new byte[cipherChunk];
        var plain = new byte[ChunkSize];
        var nonce = new byte[12];
        using var aead = new ChaCha20Poly1305(payloadKey);
        var currentLength = await source.ReadAtLeastAsync(current, cipherChunk, throwOnEndOfStream: false, cancellationToken);
        for (ulong counter = 0; ; counter++)
        {
            // A full chunk is the last one only when nothing follows it, so read one chunk ahead.
            var nextLength = currentLength == cipherChunk
                ? await source.ReadAtLeastAsync(next, cipherChunk, throwOnEndOfStream: false, cancellationToken)
                : 0;
            var last = nextLength == 0;
            if (currentLength < TagSize || (last && currentLength == TagSize && counter != 0))
            {
                throw new AgeDecryptionException("age payload is truncated");
            }

            BinaryPrimitives.WriteUInt64BigEndian(nonce.AsSpan(3, 8), counter);
            nonce[11] = last ? (byte)1 : (byte)0;
            var plainLength = currentLength - TagSize;
            try
            {
                aead.Decrypt(nonce, current.AsSpan(0, plainLength), current.AsSpan(plainLength, TagSize), plain.AsSpan(0, plainLength));
            }
            catch (CryptographicException ex)
            {
                throw new AgeDecryptionException($"age payload chunk {counter} does not authenticate (file modified or truncated)", innerException: ex);
            }

            await output.WriteAsync(plain.AsMemory(0, plainLength), cancellationToken);
            if (last)
            {
                CryptographicOperations.ZeroMemory(plain);
                return;
            }

            (current, next) = (next, current);
            currentLength = nextLength;
        }
    }

    private static async Task CopyLimitedAsync(Stream from, Stream to, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (to.Length + read > limit)
            {
                throw new AgeDecryptionException("armored age file is too large");
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}
