using ImagePipeline.Credentials;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Credentials;

/// <summary>Precedence (environment, then the sops file), completeness, key names and endpoint checks.</summary>
public sealed class CredentialResolverTests : IDisposable
{
    private readonly TempDirectory temp = new("resolver");
    private readonly LogCapture log = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Resolve_AllFourVariablesSet_UsesThemEvenWithACredentialsFile()
    {
        var resolver = Resolver(
            ("E2_ACCESS_KEY", "env-access"), ("E2_SECRET_KEY", "env-secret"), ("E2_ENDPOINT", "https://e2.example.test"), ("E2_BUCKET", "env-bucket"));

        var credentials = await resolver.ResolveAsync(SopsFixtures.EncryptedRegexFile, SopsFixtures.SyntheticAgeKey, CancellationToken.None);

        Assert.Equal(new StoreCredentials("env-access", "env-secret", new Uri("https://e2.example.test"), "env-bucket"), credentials);
    }

    [Fact]
    public async Task Resolve_SomeVariablesSet_FailsNamingTheMissingOnes()
    {
        var resolver = Resolver(("E2_ACCESS_KEY", "env-access"), ("E2_ENDPOINT", "https://e2.example.test"), ("E2_BUCKET", string.Empty));

        var error = await Assert.ThrowsAsync<CredentialsException>(() => resolver.ResolveAsync(SopsFixtures.EncryptedRegexFile, SopsFixtures.SyntheticAgeKey, CancellationToken.None));

        Assert.Contains("E2_SECRET_KEY, E2_BUCKET not set", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("E2_ACCESS_KEY,", error.Message[..error.Message.IndexOf('(', StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("credentials.encrypted_regex.yaml")]
    [InlineData("credentials.mac_only_encrypted.yaml")]
    public async Task Resolve_NoVariablesAndSopsFile_DecryptsTheFile(string file)
    {
        var credentials = await Resolver().ResolveAsync(SopsFixtures.Path("synthetic", file), SopsFixtures.SyntheticAgeKey, CancellationToken.None);

        Assert.Equal(new StoreCredentials(SopsFixtures.SyntheticAccessKey, SopsFixtures.SyntheticSecretKey, new Uri("https://s3.example.test"), "my-bucket"), credentials);
    }

    [Theory]
    [InlineData("http://AKIDEXAMPLE:wJalrXUtnFEMI@rgw.example.test:7480", "credentials (user:password@)", "http://rgw.example.test:7480")]
    [InlineData("https://AKIDEXAMPLE@e2.example.test", "credentials (user:password@)", "https://e2.example.test")]
    [InlineData("https://e2.example.test/?X-Amz-Signature=wJalrXUtnFEMI", "a query (?…)", "https://e2.example.test")]
    public async Task Resolve_EndpointWithUserInfoOrQuery_IsRefusedWithoutPrintingIt(string endpoint, string part, string shown)
    {
        var resolver = Resolver(("E2_ACCESS_KEY", "env-access"), ("E2_SECRET_KEY", "env-secret"), ("E2_ENDPOINT", endpoint), ("E2_BUCKET", "b"));

        var error = await Assert.ThrowsAsync<CredentialsException>(() => resolver.ResolveAsync(null, null, CancellationToken.None));

        Assert.StartsWith($"E2_ENDPOINT must not contain {part}: give the endpoint as scheme://host[:port] only (here {shown})", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIDEXAMPLE", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wJalrXUtnFEMI", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wJalrXUtnFEMI", log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_MacOnlyEncryptedFile_WarnsThatCleartextValuesAreUnauthenticated()
    {
        await Resolver().ResolveAsync(SopsFixtures.MacOnlyEncryptedFile, SopsFixtures.SyntheticAgeKey, CancellationToken.None);

        Assert.Contains("endpoint is not covered by the MAC", log.Text.Replace("\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_AgeKeyFromSopsAgeKeyFileVariable_DecryptsTheFile()
    {
        var resolver = Resolver(("SOPS_AGE_KEY_FILE", SopsFixtures.SyntheticAgeKey));

        var credentials = await resolver.ResolveAsync(SopsFixtures.EncryptedRegexFile, null, CancellationToken.None);

        Assert.Equal("my-bucket", credentials.Bucket);
    }

    [Fact]
    public async Task Resolve_NothingConfigured_ThrowsMissingSayingWhatToSet()
    {
        var error = await Assert.ThrowsAsync<CredentialsMissingException>(() => Resolver().ResolveAsync(null, null, CancellationToken.None));

        foreach (var expected in new[] { "E2_ACCESS_KEY", "E2_SECRET_KEY", "E2_ENDPOINT", "E2_BUCKET", "--credentials" })
        {
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Resolve_CredentialsFileMissing_FailsNamingIt()
    {
        var missing = temp.Combine("e2.sops.yaml");

        var error = await Assert.ThrowsAsync<CredentialsException>(() => Resolver().ResolveAsync(missing, null, CancellationToken.None));

        Assert.IsNotType<CredentialsMissingException>(error);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_SopsFileWithOtherKeyNames_FailsNamingMissingAndUnexpectedKeys()
    {
        var file = SopsFixtures.Path("humphd-sops-age", "secret.enc.yaml");

        var error = await Assert.ThrowsAsync<CredentialsException>(() =>
            Resolver().ResolveAsync(file, SopsFixtures.Path("humphd-sops-age", "key.txt"), CancellationToken.None));

        Assert.Contains("missing or empty: access_key, secret_key, endpoint, bucket", error.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected: secret, string, int, float, boolean, complex.value, complex.array[0]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("this is a secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_CleartextKeyAddedToMacOnlyEncryptedFile_FailsNamingTheUnexpectedKey()
    {
        var file = temp.Combine("e2.sops.yaml");
        File.WriteAllText(file, File.ReadAllText(SopsFixtures.MacOnlyEncryptedFile).Replace("bucket: my-bucket\n", "bucket: my-bucket\nregion: eu\n", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<CredentialsException>(() => Resolver().ResolveAsync(file, SopsFixtures.SyntheticAgeKey, CancellationToken.None));

        Assert.Contains("unexpected: region", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3.example.test")]
    [InlineData("/var/lib/s3")]
    [InlineData("ftp://s3.example.test")]
    public async Task Resolve_EndpointNotAnAbsoluteHttpUri_FailsNamingTheVariable(string endpoint)
    {
        var resolver = Resolver(("E2_ACCESS_KEY", "a"), ("E2_SECRET_KEY", "s"), ("E2_ENDPOINT", endpoint), ("E2_BUCKET", "b"));

        var error = await Assert.ThrowsAsync<CredentialsException>(() => resolver.ResolveAsync(null, null, CancellationToken.None));

        Assert.Contains("E2_ENDPOINT must be an absolute http(s) URI", error.Message, StringComparison.Ordinal);
    }

    private CredentialResolver Resolver(params (string, string?)[] variables) =>
        new(TestEnvironment.Create(temp.Path, [("SOPS_GPG_EXEC", "false"), .. variables]), log.Logger);
}
