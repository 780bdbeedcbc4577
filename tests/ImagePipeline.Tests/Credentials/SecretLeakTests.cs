using System.Text.RegularExpressions;
using ImagePipeline.Credentials;
using ImagePipeline.Credentials.Sops;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Credentials;

/// <summary>
/// The secret strings (keys from the credentials file and the age secret key) appear in no exception
/// (message, inner exceptions) and no log line, whether resolution succeeds or fails.
/// </summary>
public sealed class SecretLeakTests : IDisposable
{
    private readonly TempDirectory temp = new("leak");
    private readonly LogCapture log = new();
    private readonly string[] secrets;

    public SecretLeakTests()
    {
        var ageSecret = File.ReadAllLines(SopsFixtures.SyntheticAgeKey).Single(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal));
        secrets = [SopsFixtures.SyntheticAccessKey, SopsFixtures.SyntheticSecretKey, ageSecret, ageSecret[16..40], ageSecret[16..40].ToLowerInvariant()];
    }

    public void Dispose() => temp.Dispose();

    public static TheoryData<string> FailureScenarios => ["tampered value", "cleartext secret", "mac mismatch", "unexpected key", "mangled age key", "no identity"];

    [Fact]
    public async Task Resolve_Success_LogsAndFormatsNoSecret()
    {
        var credentials = await Resolver().ResolveAsync(SopsFixtures.MacOnlyEncryptedFile, SopsFixtures.SyntheticAgeKey, CancellationToken.None);
        var document = await new SopsDecryptor(new SopsDecryptionOptions(Environment(), SopsFixtures.SyntheticAgeKey), log.Logger)
            .DecryptFileAsync(SopsFixtures.EncryptedRegexFile, CancellationToken.None);

        Assert.NotEmpty(log.Text);
        AssertNoSecret(log.Text);
        AssertNoSecret(credentials.ToString());
        AssertNoSecret(document.ToString());
        AssertNoSecret(string.Join('\n', document.Values.Select(v => v.ToString())));
    }

    [Theory]
    [MemberData(nameof(FailureScenarios))]
    public async Task Resolve_Failure_ExceptionAndLogHoldNoSecret(string scenario)
    {
        var original = File.ReadAllText(SopsFixtures.MacOnlyEncryptedFile);
        var ageKeyFile = SopsFixtures.SyntheticAgeKey;
        var edited = scenario switch
        {
            "tampered value" => Regex.Replace(original, "(secret_key: ENC\\[AES256_GCM,data:)(.)", m => m.Groups[1].Value + (m.Groups[2].Value == "A" ? "B" : "A")),
            "cleartext secret" => Regex.Replace(original, "access_key: .*", "access_key: " + SopsFixtures.SyntheticAccessKey),
            "mac mismatch" => File.ReadAllText(SopsFixtures.EncryptedRegexFile).Replace("my-bucket", "your-bucket", StringComparison.Ordinal),
            "unexpected key" => original.Replace("bucket: my-bucket\n", "bucket: my-bucket\nnote: x\n", StringComparison.Ordinal),
            _ => original,
        };
        if (scenario == "mangled age key")
        {
            ageKeyFile = temp.Combine("bad-key.txt");
            File.WriteAllText(ageKeyFile, File.ReadAllText(SopsFixtures.SyntheticAgeKey).Replace("AGE-SECRET-KEY-1", "AGE-SECRET-KEY-2", StringComparison.Ordinal));
        }
        else if (scenario == "no identity")
        {
            ageKeyFile = SopsFixtures.Path("helm-secrets", "age-key.txt");
        }

        var file = temp.Combine("e2.sops.yaml");
        File.WriteAllText(file, edited);

        var error = await Assert.ThrowsAnyAsync<CredentialsException>(() => Resolver().ResolveAsync(file, ageKeyFile, CancellationToken.None));

        AssertNoSecret(error.ToString());
        AssertNoSecret(log.Text);
    }

    private void AssertNoSecret(string text)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private Func<string, string?> Environment() => TestEnvironment.Create(temp.Path, ("SOPS_GPG_EXEC", "false"));

    private CredentialResolver Resolver() => new(Environment(), log.Logger);
}
