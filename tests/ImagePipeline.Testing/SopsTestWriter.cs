using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace ImagePipeline.Testing;

/// <summary>
/// Writes a sops-shaped YAML file with flat string values for end-to-end tests (no sops binary exists
/// here). The data key is wrapped by the real <c>age</c> CLI; values and MAC follow sops's
/// <c>aes/cipher.go</c> (AES-256-GCM, 32-byte IV, key path as additional data). Test-only: the
/// product only ever decrypts.
/// </summary>
public static class SopsTestWriter
{
    public static string Encrypt(IReadOnlyList<(string Key, string Value)> values, string ageRecipient)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var lastModified = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        using var mac = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        foreach (var (key, value) in values)
        {
            mac.AppendData(Encoding.UTF8.GetBytes(value));
            text.Append(key).Append(": ").Append(EncryptValue(value, dataKey, key + ":")).Append('\n');
        }

        var macHex = Convert.ToHexString(mac.GetHashAndReset());
        var wrapped = WrapWithAge(dataKey, ageRecipient).TrimEnd('\n').Replace("\n", "\n            ", StringComparison.Ordinal);
        text.Append(CultureInfo.InvariantCulture, $"""
            sops:
                age:
                    - recipient: {ageRecipient}
                      enc: |
                        {wrapped}
                lastmodified: "{lastModified}"
                mac: {EncryptValue(macHex, dataKey, lastModified)}
                unencrypted_suffix: _unencrypted
                version: 3.9.0

            """);
        return text.ToString();
    }

    private static string EncryptValue(string plaintext, byte[] dataKey, string additionalData)
    {
        var iv = RandomNumberGenerator.GetBytes(32);
        var gcm = new GcmBlockCipher(new AesEngine());
        gcm.Init(true, new AeadParameters(new KeyParameter(dataKey), 128, iv, Encoding.UTF8.GetBytes(additionalData)));
        var input = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[gcm.GetOutputSize(input.Length)];
        var written = gcm.ProcessBytes(input, 0, input.Length, output, 0);
        gcm.DoFinal(output, written);
        var data = output.AsSpan(0, input.Length);
        var tag = output.AsSpan(input.Length);
        return $"ENC[AES256_GCM,data:{Convert.ToBase64String(data)},iv:{Convert.ToBase64String(iv)},tag:{Convert.ToBase64String(tag)},type:str]";
    }

    private static string WrapWithAge(byte[] dataKey, string recipient)
    {
        var start = new ProcessStartInfo("age") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-a", "-r", recipient })
        {
            start.ArgumentList.Add(argument);
        }

        using var age = Process.Start(start)!;
        // sops encrypts the raw 32-byte data key.
        age.StandardInput.BaseStream.Write(dataKey);
        age.StandardInput.Close();
        var armored = age.StandardOutput.ReadToEnd();
        age.WaitForExit();
        return age.ExitCode == 0 ? armored : throw new InvalidOperationException("age failed: " + age.StandardError.ReadToEnd());
    }
}
