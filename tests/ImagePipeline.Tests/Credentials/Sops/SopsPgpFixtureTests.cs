using System.Security.Cryptography;
using System.Text;
using ImagePipeline.Credentials.Sops;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Credentials.Sops;

/// <summary>
/// The PGP-encrypted fixtures (made by real sops), decrypted through the real gpg with a throwaway
/// GNUPGHOME and no age identity anywhere.
/// </summary>
public sealed class SopsPgpFixtureTests : IClassFixture<GnuPgHome>, IDisposable
{
    private readonly GnuPgHome gnupg;
    private readonly TempDirectory home = new("sops-home");
    private readonly LogCapture log = new();

    public SopsPgpFixtureTests(GnuPgHome gnupg)
    {
        this.gnupg = gnupg;
    }

    public void Dispose() => home.Dispose();

    [Fact]
    public async Task DecryptFile_FormatFile_YieldsFooBar()
    {
        var document = await DecryptAsync(SopsFixtures.Path("getsops-sops", "format.enc.yaml"));

        Assert.Equal(new Dictionary<string, string> { ["foo"] = "bar" }, document.ToDictionary());
    }

    [Fact]
    public async Task DecryptFile_CommentsFile_YieldsValuesAndDecryptedTopLevelComments()
    {
        var document = await DecryptAsync(SopsFixtures.Path("getsops-sops", "comments.enc.yaml"));

        Assert.Equal(new Dictionary<string, string> { ["lorem"] = "ipsum", ["dolor"] = "sit" }, document.ToDictionary());
        Assert.Equal([" first comment in file", " this-is-a-comment"], document.Comments.Select(c => c.Text));
        Assert.All(document.Comments, c => Assert.True(c.WasEncrypted));
    }

    [Fact]
    public async Task DecryptFile_MultipleKeysFile_YieldsMessage()
    {
        var document = await DecryptAsync(SopsFixtures.Path("getsops-sops", "multiple_keys.yaml"));

        Assert.Equal(new Dictionary<string, string> { ["message"] = "hello" }, document.ToDictionary());
    }

    [Fact]
    public async Task DecryptFile_ExampleFile_YieldsEveryDocumentedValueAndComment()
    {
        var document = await DecryptAsync(SopsFixtures.Path("getsops-sops", "example.yaml"));

        var values = document.ToDictionary();
        Assert.Equal("t00m4nys3cr3tzupdated", values["myapp1"]);
        Assert.Equal("eve", values["app2.db.user"]);
        Assert.Equal("c4r1b0u", values["app2.db.password"]);
        Assert.Equal(497, values["app2.key"].Length);
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----\n", values["app2.key"], StringComparison.Ordinal);
        Assert.Equal("23c6f81cff6523ca3a1844be55615b54ea62ad0f7336031d7524af1429f6e912", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(values["app2.key"]))));
        Assert.Equal("1234568000", values["number"]);
        Assert.Equal(SopsValueType.FloatingPoint, document.Values.Single(v => v.Path == "number").Type);
        Assert.Equal(
            ["secretuser1", "secretuser2", "somelongvalueAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "some other value"],
            Enumerable.Range(0, 4).Select(i => values[$"an_array[{i}]"]));
        Assert.Equal(["True", "False"], [values["somebooleans[0]"], values["somebooleans[1]"]]);
        Assert.Equal("with something secret in it", values["this.is.a.nested.value"]);
        Assert.Equal(
            ["all elements of this list", "remain in clear text", "because of the _unencrypted suffix in the key"],
            Enumerable.Range(0, 3).Select(i => values[$"somelist_unencrypted[{i}]"]));
        Assert.Equal("going to remain in clear text", values["nested_unencrypted.this.is.all"]);
        Assert.All(document.Values.Where(v => v.Path.Contains("_unencrypted", StringComparison.Ordinal)), v => Assert.True(!v.WasEncrypted && v.IsAuthenticated));
        Assert.Equal(16, document.Values.Count);
        Assert.Equal(
            [
                ("app2.db", " private key for secret operations in app2"),
                ("this.is.a.nested", " sops supports unencrypted fields"),
                ("this.is.a.nested", " by adding the `_unencrypted` suffix"),
                ("this.is.a.nested", " to any key"),
            ],
            document.Comments.Select(c => (c.Path, c.Text)));
    }

    [Fact]
    public async Task DecryptFile_NoMacFile_IsRefused()
    {
        var error = await Assert.ThrowsAsync<SopsIntegrityException>(() => DecryptAsync(SopsFixtures.Path("getsops-sops", "no_mac.yaml")));

        Assert.Contains("no_mac.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("no MAC", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("t00m4nys3cr3tzupdated", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecryptFile_SopsNixWithPgpOnly_YieldsDocumentedValues()
    {
        var document = await DecryptAsync(SopsFixtures.Path("sops-nix", "secrets.yaml"));

        var values = document.ToDictionary();
        Assert.Equal("test_value", values["test_key"]);
        Assert.Equal("another value", values["nested.test.file"]);
        Assert.Equal(["e1", "e3"], [values["a_list[0]"], values["a_list[1]"]]);
        Assert.Contains("7FB89715AADA920D65D25E63F9BA9DEBD03F57C0", log.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("credentials.encrypted_regex.yaml")]
    [InlineData("credentials.mac_only_encrypted.yaml")]
    public async Task DecryptFile_SyntheticCredentialsWithPgpOnly_YieldsCredentials(string file)
    {
        var document = await DecryptAsync(SopsFixtures.Path("synthetic", file));

        Assert.Equal(SopsFixtures.SyntheticSecretKey, document.ToDictionary()["secret_key"]);
        Assert.Equal(SopsFixtures.SyntheticAccessKey, document.ToDictionary()["access_key"]);
    }

    private Task<SopsDocument> DecryptAsync(string file) =>
        new SopsDecryptor(new SopsDecryptionOptions(TestEnvironment.Create(home.Path, ("GNUPGHOME", gnupg.Path))), log.Logger)
            .DecryptFileAsync(file, CancellationToken.None);
}
