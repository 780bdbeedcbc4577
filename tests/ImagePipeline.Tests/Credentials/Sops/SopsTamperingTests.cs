using System.Text.RegularExpressions;
using ImagePipeline.Credentials.Sops;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Credentials.Sops;

/// <summary>Copies of the fixtures edited the ways an attacker or a careless hand would: every edit is refused.</summary>
public sealed class SopsTamperingTests : IDisposable
{
    private readonly TempDirectory temp = new("sops-tamper");
    private readonly LogCapture log = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task DecryptFile_ChangedEncryptedValue_IsRefusedNamingTheKey()
    {
        var file = Edit(SopsFixtures.EncryptedRegexFile, text => Regex.Replace(text, "(access_key: ENC\\[AES256_GCM,data:)(.)", m => m.Groups[1].Value + (m.Groups[2].Value == "A" ? "B" : "A")));

        var error = await Assert.ThrowsAsync<SopsIntegrityException>(() => DecryptAsync(file));

        Assert.Equal("access_key", error.KeyPath);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecryptFile_EncryptedValuesSwappedBetweenKeys_IsRefused()
    {
        var file = Edit(SopsFixtures.EncryptedRegexFile, text =>
        {
            var access = Regex.Match(text, "access_key: (.*)").Groups[1].Value;
            var secret = Regex.Match(text, "secret_key: (.*)").Groups[1].Value;
            return text.Replace("access_key: " + access, "access_key: " + secret, StringComparison.Ordinal)
                .Replace("secret_key: " + secret, "secret_key: " + access, StringComparison.Ordinal);
        });

        var error = await Assert.ThrowsAsync<SopsIntegrityException>(() => DecryptAsync(file));

        Assert.Equal("access_key", error.KeyPath);
    }

    [Fact]
    public async Task DecryptFile_EntriesReordered_FailsMacCheck()
    {
        var file = Edit(SopsFixtures.EncryptedRegexFile, text =>
        {
            var accessLine = Regex.Match(text, "access_key: .*\n").Value;
            var secretLine = Regex.Match(text, "secret_key: .*\n").Value;
            return text.Replace(accessLine + secretLine, secretLine + accessLine, StringComparison.Ordinal);
        });

        var error = await Assert.ThrowsAsync<SopsIntegrityException>(() => DecryptAsync(file));

        Assert.Contains("MAC mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecryptFile_LastModifiedChanged_IsRefused()
    {
        var file = Edit(SopsFixtures.EncryptedRegexFile, text => text.Replace("lastmodified: \"2026-01-02T03:04:05Z\"", "lastmodified: \"2026-01-02T03:04:06Z\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<SopsIntegrityException>(() => DecryptAsync(file));

        Assert.Equal("sops.mac", error.KeyPath);
    }

    [Fact]
    public async Task DecryptFile_CleartextEndpointEditedInEncryptedRegexFile_FailsMacCheck()
    {
        var file = Edit(SopsFixtures.EncryptedRegexFile, text => text.Replace("https://s3.example.test", "https://attacker.example.test", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<SopsIntegrityException>(() => DecryptAsync(file));

        Assert.Contains("MAC mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecryptFile_CleartextEndpointEditedInMacOnlyEncryptedFile_VerifiesAndFlagsItUnauthenticated()
    {
        var file = Edit(SopsFixtures.MacOnlyEncryptedFile, text => text.Replace("https://s3.example.test", "https://other.example.test", StringComparison.Ordinal));

        var document = await DecryptAsync(file);

        var endpoint = document.Values.Single(v => v.Path == "endpoint");
        Assert.Equal("https://other.example.test", endpoint.Value);
        Assert.False(endpoint.IsAuthenticated);
        Assert.True(document.Values.Single(v => v.Path == "secret_key").IsAuthenticated);
    }

    [Fact]
    public async Task DecryptFile_CleartextKeyAdded_FailsMacCheck()
    {
        var file = Edit(SopsFixtures.EncryptedRegexFile, text => text.Replace("bucket: my-bucket\n", "bucket: my-bucket\nregion: eu\n", StringComparison.Ordinal));

        await Assert.ThrowsAsync<SopsIntegrityException>(() => DecryptAsync(file));
    }

    [Fact]
    public async Task DecryptFile_MacRemoved_IsRefused()
    {
        var file = Edit(SopsFixtures.EncryptedRegexFile, text => Regex.Replace(text, "    mac: .*\n", string.Empty));

        var error = await Assert.ThrowsAsync<SopsIntegrityException>(() => DecryptAsync(file));

        Assert.Contains("no MAC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecryptFile_RealSopsFileWithValuesSwapped_IsRefused()
    {
        var original = SopsFixtures.Path("humphd-sops-age", "secret.enc.yaml");
        var file = Edit(original, text =>
        {
            var complex = Regex.Match(text, "\n  value: (.*)").Groups[1].Value;
            return Regex.Replace(text, "(?m)^secret: .*$", "secret: " + complex.Replace("$", "$$", StringComparison.Ordinal));
        });

        var error = await Assert.ThrowsAsync<SopsIntegrityException>(() => DecryptAsync(file, SopsFixtures.Path("humphd-sops-age", "key.txt")));

        Assert.Equal("secret", error.KeyPath);
    }

    [Fact]
    public async Task DecryptFile_RealSopsFileWithListItemRemoved_FailsMacCheck()
    {
        var original = SopsFixtures.Path("humphd-sops-age", "secret.enc.yaml");
        var file = Edit(original, text => Regex.Replace(text, "    - ENC\\[AES256_GCM,data:SBYe,.*\n", string.Empty));

        var error = await Assert.ThrowsAsync<SopsIntegrityException>(() => DecryptAsync(file, SopsFixtures.Path("humphd-sops-age", "key.txt")));

        Assert.Contains("MAC mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecryptFile_NestedFortyThousandDeep_IsALocatedErrorNotAStackOverflow()
    {
        var file = temp.Combine("deep.sops.yaml");
        File.WriteAllText(file, "a: " + new string('[', 40_000) + new string(']', 40_000) + "\n");

        var error = await Assert.ThrowsAsync<ImagePipeline.Credentials.CredentialsException>(() => DecryptAsync(file));

        Assert.Contains("invalid YAML at line 1, column 67", error.Message, StringComparison.Ordinal);
        Assert.Contains("nested more than 64 levels deep", error.Message, StringComparison.Ordinal);
    }

    private string Edit(string original, Func<string, string> edit)
    {
        var text = File.ReadAllText(original);
        var edited = edit(text);
        Assert.NotEqual(text, edited);
        var copy = temp.Combine(Path.GetFileName(original));
        File.WriteAllText(copy, edited);
        return copy;
    }

    private Task<SopsDocument> DecryptAsync(string file, string? ageKeyFile = null) =>
        new SopsDecryptor(
                new SopsDecryptionOptions(TestEnvironment.Create(temp.Path, ("SOPS_GPG_EXEC", "false")), ageKeyFile ?? SopsFixtures.SyntheticAgeKey),
                log.Logger)
            .DecryptFileAsync(file, CancellationToken.None);
}
