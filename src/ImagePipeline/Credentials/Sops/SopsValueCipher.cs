using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// sops's value encryption: <c>ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]</c>, AES-256-GCM with the
/// 32-byte IVs sops writes (so BouncyCastle's GCM, not the BCL's 12-byte-nonce AesGcm) and the key
/// path as additional data. Mirrors <c>aes/cipher.go</c>.
/// </summary>
internal static partial class SopsValueCipher
{
    /// <summary>The parts of an encrypted value.</summary>
    public readonly record struct EncryptedValue(byte[] Data, byte[] Iv, byte[] Tag, string Type);

    /// <summary>Parses the <c>ENC[…]</c> form; false when the text is not in it (the text is never echoed).</summary>
    public static bool TryParse(string text, out EncryptedValue value)
    {
        value = default;
        var match = EncryptedPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        try
        {
            value = new EncryptedValue(
                Convert.FromBase64String(match.Groups[1].Value),
                Convert.FromBase64String(match.Groups[2].Value),
                Convert.FromBase64String(match.Groups[3].Value),
                match.Groups[4].Value);
            return value.Tag.Length == 16 && value.Iv.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Decrypts and authenticates <paramref name="value"/> with <paramref name="additionalData"/>;
    /// throws <see cref="CryptographicException"/> when it does not authenticate.
    /// </summary>
    public static byte[] Decrypt(EncryptedValue value, byte[] dataKey, string additionalData)
    {
        var gcm = new GcmBlockCipher(new AesEngine());
        gcm.Init(false, new AeadParameters(new KeyParameter(dataKey), 128, value.Iv, Encoding.UTF8.GetBytes(additionalData)));
        var input = new byte[value.Data.Length + value.Tag.Length];
        value.Data.CopyTo(input, 0);
        value.Tag.CopyTo(input, value.Data.Length);
        var output = new byte[gcm.GetOutputSize(input.Length)];
        try
        {
            var length = gcm.ProcessBytes(input, 0, input.Length, output, 0);
            length += gcm.DoFinal(output, length);
            return output.AsSpan(0, length).ToArray();
        }
        catch (InvalidCipherTextException ex)
        {
            CryptographicOperations.ZeroMemory(output);
            throw new CryptographicException("AES-GCM authentication failed", ex);
        }
    }

    [GeneratedRegex(@"^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex EncryptedPattern();
}
