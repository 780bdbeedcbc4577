using ImagePipeline.Credentials.Age;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Credentials.Age;

/// <summary>Files written by the real age CLI (Debian age 1.1.1) decrypt with our age code, byte for byte.</summary>
public sealed class AgeCliCrossCheckTests : IDisposable
{
    private readonly TempDirectory temp = new("age-cli");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Identity_GeneratedByAgeKeygen_DerivesTheSameRecipient()
    {
        var (identity, recipient) = await GenerateKeyAsync("key.txt");

        Assert.Equal(recipient, identity.Recipient);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1000, false)]
    [InlineData(65536, false)]
    [InlineData(131072, true)]
    [InlineData(200_000, false)]
    [InlineData(200_000, true)]
    public async Task Decrypt_FileFromAgeCli_YieldsOriginalBytes(int size, bool armored)
    {
        var (identity, recipient) = await GenerateKeyAsync("key.txt");
        var plaintext = new byte[size];
        Random.Shared.NextBytes(plaintext);
        var encrypted = await EncryptWithCliAsync(plaintext, armored, recipient);

        var decrypted = await DecryptAsync(File.ReadAllBytes(encrypted), identity);

        Assert.Equal(plaintext, decrypted);
    }

    [Fact]
    public async Task Decrypt_SeveralRecipientsOursLast_FindsOurStanza()
    {
        var (identity, recipient) = await GenerateKeyAsync("ours.txt");
        var (_, other) = await GenerateKeyAsync("other.txt");
        var plaintext = "data key material"u8.ToArray();
        var encrypted = await EncryptWithCliAsync(plaintext, armored: true, other, recipient);

        Assert.Equal(plaintext, await DecryptAsync(File.ReadAllBytes(encrypted), identity));
    }

    [Fact]
    public async Task Decrypt_IdentityNotARecipient_ReportsNoMatchingIdentity()
    {
        var (_, recipient) = await GenerateKeyAsync("ours.txt");
        var (stranger, _) = await GenerateKeyAsync("stranger.txt");
        var encrypted = await EncryptWithCliAsync([1, 2, 3], armored: false, recipient);

        var error = await Assert.ThrowsAsync<AgeDecryptionException>(() => DecryptAsync(File.ReadAllBytes(encrypted), stranger));

        Assert.True(error.NoMatchingIdentity);
    }

    [Theory]
    [InlineData("payload")]
    [InlineData("truncated")]
    [InlineData("header")]
    public async Task Decrypt_ModifiedFile_IsRefused(string damage)
    {
        var (identity, recipient) = await GenerateKeyAsync("key.txt");
        var plaintext = new byte[70_000];
        Random.Shared.NextBytes(plaintext);
        var bytes = File.ReadAllBytes(await EncryptWithCliAsync(plaintext, armored: false, recipient));
        switch (damage)
        {
            case "payload":
                bytes[^1] ^= 1;
                break;
            case "truncated":
                bytes = bytes[..^5000];
                break;
            default:
                var macLine = System.Text.Encoding.ASCII.GetString(bytes).IndexOf("--- ", StringComparison.Ordinal);
                bytes[macLine + 5] = (byte)(bytes[macLine + 5] == (byte)'A' ? 'B' : 'A');
                break;
        }

        var error = await Assert.ThrowsAsync<AgeDecryptionException>(() => DecryptAsync(bytes, identity));

        Assert.False(error.NoMatchingIdentity);
    }

    private static Task<byte[]> DecryptAsync(byte[] encrypted, AgeX25519Identity identity) => AgeCli.DecryptAsync(encrypted, identity);

    private async Task<(AgeX25519Identity Identity, string Recipient)> GenerateKeyAsync(string name)
    {
        var (identity, recipient, _) = await new AgeCli(temp).GenerateKeyAsync(name);
        return (identity, recipient);
    }

    private async Task<string> EncryptWithCliAsync(byte[] plaintext, bool armored, params string[] recipients)
    {
        var output = temp.Combine($"cipher-{Guid.NewGuid():N}.age");
        File.WriteAllBytes(output, await new AgeCli(temp).EncryptAsync(plaintext, armored, recipients));
        return output;
    }
}
