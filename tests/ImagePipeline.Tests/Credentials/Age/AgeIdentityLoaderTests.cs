using ImagePipeline.Credentials;
using ImagePipeline.Credentials.Age;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Credentials.Age;

/// <summary>Identity sources, in sops's order, from an environment the test controls.</summary>
public sealed class AgeIdentityLoaderTests : IDisposable
{
    private const string HelmRecipient = "age1rh2xsjg8avja92j3jhtttuczgmqkz89lezxt4e3mmp5ukl5j4f9smvteju";
    private const string HumphdRecipient = "age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr";
    private const string SopsNixRecipient = "age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw";

    private readonly TempDirectory home = new("age-home");
    private readonly LogCapture log = new();

    public void Dispose() => home.Dispose();

    [Fact]
    public async Task Load_AllSourcesSet_ReturnsIdentitiesInSopsOrder()
    {
        var configHome = home.Combine("xdg");
        Directory.CreateDirectory(Path.Combine(configHome, "sops", "age"));
        File.Copy(SopsFixtures.Path("sops-nix", "age-keys.txt"), Path.Combine(configHome, "sops", "age", "keys.txt"));
        var keyText = SecretLine("helm-secrets", "age-key.txt") + " " + SecretLine("humphd-sops-age", "key.txt");
        var loader = Loader(
            (AgeIdentityLoader.KeyFileVariable, SopsFixtures.Path("humphd-sops-age", "key.txt")),
            (AgeIdentityLoader.KeyVariable, "# comment\n" + keyText + "\n"),
            ("XDG_CONFIG_HOME", configHome));

        var set = await loader.LoadAsync(SopsFixtures.SyntheticAgeKey, CancellationToken.None);

        Assert.Equal(
            [SopsFixtures.SyntheticRecipient, HumphdRecipient, HelmRecipient, HumphdRecipient, SopsNixRecipient],
            set.Identities.Select(i => i.Recipient));
        Assert.Empty(set.Problems);
    }

    [Fact]
    public async Task Load_OnlyHome_ReadsDotConfigKeysFile()
    {
        Directory.CreateDirectory(home.Combine(".config", "sops", "age"));
        File.Copy(SopsFixtures.SyntheticAgeKey, home.Combine(".config", "sops", "age", "keys.txt"));

        var set = await Loader().LoadAsync(null, CancellationToken.None);

        Assert.Equal([SopsFixtures.SyntheticRecipient], set.Identities.Select(i => i.Recipient));
    }

    [Fact]
    public async Task Load_ExplicitKeyFileMissing_FailsNamingTheOption()
    {
        var missing = home.Combine("nope.txt");

        var error = await Assert.ThrowsAsync<CredentialsException>(() => Loader().LoadAsync(missing, CancellationToken.None));

        Assert.Contains("--sops-age-key-file", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_MalformedKeyLine_ReportsLineWithoutEchoingIt()
    {
        var secret = SecretLine("helm-secrets", "age-key.txt");
        var mangled = secret[..^1] + (secret[^1] == 'Q' ? 'P' : 'Q');
        var file = home.Combine("keys.txt");
        File.WriteAllText(file, "# created: today\n" + mangled + "\n");

        var set = await Loader((AgeIdentityLoader.KeyFileVariable, file)).LoadAsync(null, CancellationToken.None);

        Assert.Empty(set.Identities);
        var problem = Assert.Single(set.Problems);
        Assert.Contains("line 2", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(mangled[20..40], problem, StringComparison.Ordinal);
        Assert.DoesNotContain(mangled[20..40], log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_KeyCommand_ReadsIdentitiesFromItsOutput()
    {
        var folder = home.Combine("key folder");
        Directory.CreateDirectory(folder);
        File.Copy(SopsFixtures.Path("helm-secrets", "age-key.txt"), Path.Combine(folder, "key.txt"));

        var set = await Loader((AgeIdentityLoader.KeyCommandVariable, $"cat '{folder}/key.txt'")).LoadAsync(null, CancellationToken.None);

        Assert.Equal([HelmRecipient], set.Identities.Select(i => i.Recipient));
        Assert.Equal("SOPS_AGE_KEY_CMD output", Assert.Single(set.Sources).Where);
        Assert.Empty(set.Problems);
    }

    [Theory]
    [InlineData("sh -c \"echo 'vault is sealed' >&2; exit 3\"", "exited with code 3: vault is sealed")]
    [InlineData("/nonexistent/key-helper --print", "could not be started")]
    [InlineData("sh -c 'unterminated", "cannot be split into words")]
    public async Task Load_KeyCommandFails_ThrowsNamingTheVariableAndWhy(string command, string why)
    {
        var error = await Assert.ThrowsAsync<CredentialsException>(() =>
            Loader((AgeIdentityLoader.KeyCommandVariable, command)).LoadAsync(null, CancellationToken.None));

        Assert.StartsWith("SOPS_AGE_KEY_CMD '", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UserKeyFile_XdgConfigHomeSet_IsUnderIt()
    {
        var loader = Loader(("XDG_CONFIG_HOME", "/xdg"));

        Assert.Equal("/xdg/sops/age/keys.txt", loader.UserKeyFile());
    }

    private static string SecretLine(params string[] path) =>
        File.ReadAllLines(SopsFixtures.Path(path)).Single(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal));

    private AgeIdentityLoader Loader(params (string, string?)[] variables) =>
        new(TestEnvironment.Create(home.Path, variables), log.Logger);
}
