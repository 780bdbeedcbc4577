using System.Security.Cryptography;
using System.Text;
using ImagePipeline.Credentials.Sops;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Credentials.Sops;

/// <summary>The age-encrypted fixtures (made by real sops) decrypt to the values their README documents.</summary>
public sealed class SopsAgeFixtureTests : IDisposable
{
    private readonly TempDirectory home = new("sops-home");
    private readonly LogCapture log = new();

    public void Dispose() => home.Dispose();

    [Fact]
    public async Task DecryptFile_HelmSecretsAgeFile_YieldsDocumentedValues()
    {
        var document = await DecryptAsync(SopsFixtures.Path("helm-secrets", "secrets.age.yaml"), SopsFixtures.Path("helm-secrets", "age-key.txt"));

        var port = Assert.Single(document.Values, v => v.Path == "service.port");
        Assert.Equal("92", port.Value);
        Assert.Equal(SopsValueType.Integral, port.Type);
        var key = document.ToDictionary()["key"];
        Assert.Equal(910, key.Length);
        Assert.Equal("8099c7b5f61230880482096ffa3c950db2ae11270d40383a963f3defc111a2d8", Sha256(key));
        Assert.Equal("global_age", document.ToDictionary()["global_secret"]);
    }

    [Fact]
    public async Task DecryptFile_HumphdFileWithThreeRecipients_YieldsTypedValues()
    {
        var document = await DecryptAsync(SopsFixtures.Path("humphd-sops-age", "secret.enc.yaml"), SopsFixtures.Path("humphd-sops-age", "key.txt"));

        var values = document.ToDictionary();
        Assert.Equal("this is a secret", values["secret"]);
        Assert.Equal("string", values["string"]);
        Assert.Equal("7", values["int"]);
        Assert.Equal("3.14", values["float"]);
        Assert.Equal("True", values["boolean"]);
        Assert.Equal("this is a secret", values["complex.value"]);
        Assert.Equal(["one", "two", "three"], [values["complex.array[0]"], values["complex.array[1]"], values["complex.array[2]"]]);
        Assert.Equal(SopsValueType.Logical, document.Values.Single(v => v.Path == "boolean").Type);
        Assert.Equal(SopsValueType.FloatingPoint, document.Values.Single(v => v.Path == "float").Type);
        Assert.All(document.Values, v => Assert.True(v.WasEncrypted && v.IsAuthenticated));
        Assert.Equal(9, document.Values.Count);
    }

    [Fact]
    public async Task DecryptFile_SopsNixWithAgeOnly_YieldsDocumentedValues()
    {
        // gpg is replaced by `false`, so only the age key can have produced the data key.
        var document = await DecryptAsync(
            SopsFixtures.Path("sops-nix", "secrets.yaml"), SopsFixtures.Path("sops-nix", "age-keys.txt"), ("SOPS_GPG_EXEC", "false"));

        var values = document.ToDictionary();
        Assert.Equal("test_value", values["test_key"]);
        Assert.Equal("another value", values["nested.test.file"]);
        Assert.Equal("e1", values["a_list[0]"]);
        Assert.Equal("e3", values["a_list[1]"]);
    }

    [Theory]
    [InlineData("credentials.encrypted_regex.yaml", true)]
    [InlineData("credentials.mac_only_encrypted.yaml", false)]
    public async Task DecryptFile_SyntheticCredentialsWithAge_YieldsCredentials(string file, bool cleartextAuthenticated)
    {
        var document = await DecryptAsync(SopsFixtures.Path("synthetic", file), SopsFixtures.SyntheticAgeKey, ("SOPS_GPG_EXEC", "false"));

        Assert.Equal(["access_key", "secret_key", "endpoint", "bucket"], document.Values.Select(v => v.Path));
        var values = document.ToDictionary();
        Assert.Equal(SopsFixtures.SyntheticAccessKey, values["access_key"]);
        Assert.Equal(SopsFixtures.SyntheticSecretKey, values["secret_key"]);
        Assert.Equal("https://s3.example.test", values["endpoint"]);
        Assert.Equal("my-bucket", values["bucket"]);
        Assert.False(document.Values.Single(v => v.Path == "endpoint").WasEncrypted);
        Assert.Equal(cleartextAuthenticated, document.Values.Single(v => v.Path == "bucket").IsAuthenticated);
    }

    [Fact]
    public async Task DecryptFile_AgeKeyThatIsNoRecipient_FailsNamingTheSourcesTried()
    {
        var error = await Assert.ThrowsAsync<ImagePipeline.Credentials.CredentialsException>(() => DecryptAsync(
            SopsFixtures.Path("helm-secrets", "secrets.age.yaml"), SopsFixtures.SyntheticAgeKey));

        Assert.Contains("secrets.age.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("no age identity matches", error.Message, StringComparison.Ordinal);
        Assert.Contains($"tried the identity from --sops-age-key-file '{SopsFixtures.SyntheticAgeKey}' ({SopsFixtures.SyntheticRecipient})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecryptFile_KeyFromSopsAgeKeyCmd_Decrypts()
    {
        var document = await new SopsDecryptor(
                new SopsDecryptionOptions(TestEnvironment.Create(home.Path, ("SOPS_AGE_KEY_CMD", $"cat {SopsFixtures.Path("helm-secrets", "age-key.txt")}"))),
                log.Logger)
            .DecryptFileAsync(SopsFixtures.Path("helm-secrets", "secrets.age.yaml"), CancellationToken.None);

        Assert.Equal("global_age", document.ToDictionary()["global_secret"]);
    }

    private Task<SopsDocument> DecryptAsync(string file, string ageKeyFile, params (string, string?)[] variables) =>
        new SopsDecryptor(new SopsDecryptionOptions(TestEnvironment.Create(home.Path, variables), ageKeyFile), log.Logger)
            .DecryptFileAsync(file, CancellationToken.None);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
