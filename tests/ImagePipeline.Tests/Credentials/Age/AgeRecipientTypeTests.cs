using System.Text;
using ImagePipeline.Credentials.Age;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Credentials.Age;

/// <summary>
/// Files from the real age CLI whose recipient stanza is swapped for another type (the header
/// parses; the MAC is never reached): the error names the type and says only X25519 works.
/// </summary>
public sealed class AgeRecipientTypeTests : IDisposable
{
    private const string ScryptStanza = "-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18";
    private const string PluginStanza = "-> piv-p256 Ou3V9Q A3OIPtx0+9MWuZSXMK9lQdqi7OGQrsmVRKUs/ioJ5Wvk";

    private readonly TempDirectory temp = new("age-types");

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(ScryptStanza, "scrypt")]
    [InlineData(PluginStanza, "piv-p256")]
    public async Task Decrypt_OnlyAnUnsupportedStanza_SaysUnsupportedRecipientType(string stanza, string type)
    {
        var (identity, lines) = await EncryptedLinesAsync();
        lines[1] = stanza;

        var error = await Assert.ThrowsAsync<AgeDecryptionException>(() => AgeCli.DecryptAsync(Join(lines), identity));

        Assert.StartsWith($"unsupported age recipient type {type}:", error.Message, StringComparison.Ordinal);
        Assert.Contains("only X25519 identities", error.Message, StringComparison.Ordinal);
        Assert.False(error.NoMatchingIdentity);
    }

    [Fact]
    public async Task Decrypt_WrongKeyWithAnExtraPluginStanza_NamesTheUnsupportedType()
    {
        var (_, lines) = await EncryptedLinesAsync();
        var (stranger, _, _) = await new AgeCli(temp).GenerateKeyAsync("stranger.txt");
        lines.InsertRange(1, [PluginStanza, "c29tZSBib2R5"]);

        var error = await Assert.ThrowsAsync<AgeDecryptionException>(() => AgeCli.DecryptAsync(Join(lines), stranger));

        Assert.True(error.NoMatchingIdentity);
        Assert.Contains("no age identity matches", error.Message, StringComparison.Ordinal);
        Assert.Contains("unsupported types (piv-p256)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decrypt_ScryptBesideX25519_IsAHeaderError()
    {
        var (identity, lines) = await EncryptedLinesAsync();
        lines.InsertRange(1, [ScryptStanza, "c29tZSBib2R5"]);

        var error = await Assert.ThrowsAsync<AgeDecryptionException>(() => AgeCli.DecryptAsync(Join(lines), identity));

        Assert.Contains("scrypt (passphrase) stanza must be the only recipient stanza", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A binary age file split at '\n' (header lines first, the payload in the last element).</summary>
    private async Task<(AgeX25519Identity Identity, List<string> Lines)> EncryptedLinesAsync()
    {
        var cli = new AgeCli(temp);
        var (identity, recipient, _) = await cli.GenerateKeyAsync("key.txt");
        var bytes = await cli.EncryptAsync("secret"u8.ToArray(), armored: false, recipient);
        return (identity, [.. Encoding.Latin1.GetString(bytes).Split('\n')]);
    }

    private static byte[] Join(List<string> lines) => Encoding.Latin1.GetBytes(string.Join('\n', lines));
}
