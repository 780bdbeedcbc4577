using ImagePipeline.Sources.Packer;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Sources.Packer;

public sealed class GeneratedSecretsTests
{
    [Fact]
    public void Password_IsLongRandomAndStableWithinOneBuild()
    {
        var build = new GeneratedSecrets();

        var password = build.Get("password")!;

        Assert.Equal(24, password.Length);
        Assert.All(password, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
        Assert.Equal(password, build.Get("password"));
        Assert.NotEqual(password, new GeneratedSecrets().Get("password"));
    }

    [Fact]
    public async Task Ed25519_PrivateKeyIsReadByTheRealSshKeygenAndMatchesThePublicKey()
    {
        using var work = new TempDirectory("generated-key");
        var build = new GeneratedSecrets();
        var keyFile = work.Combine("id_ed25519");
        await File.WriteAllTextAsync(keyFile, build.Get("ssh-ed25519"));
        await ImagePipeline.Tests.Credentials.Cli.RunAsync("chmod", "600", keyFile);

        var derived = await ImagePipeline.Tests.Credentials.Cli.RunAsync("ssh-keygen", "-y", "-f", keyFile);

        Assert.Equal(string.Join(' ', build.Get("ssh-ed25519:public")!.Split(' ')[..2]), string.Join(' ', derived.Trim().Split(' ')[..2]));
        Assert.StartsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5", build.Get("ssh-ed25519:public"), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownGenerator_NamesTheKnownOnes()
    {
        var error = Assert.Throws<PackerVariableException>(() =>
            PackerVariables.Resolve("vm", new Dictionary<string, string> { ["key"] = "${generate:rsa}" }, _ => null));

        Assert.Contains("${generate:rsa} is not a generator", error.Message, StringComparison.Ordinal);
        Assert.Contains("${generate:ssh-ed25519:public}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_PrivateAndPublicKeyInOneImage_AreOnePairAndEveryLineIsASecret()
    {
        var variables = PackerVariables.Resolve("vm",
            new Dictionary<string, string> { ["ssh_private_key"] = "${generate:ssh-ed25519}", ["ssh_public_key"] = "${generate:ssh-ed25519:public}" },
            _ => null);

        var privateKey = variables.Values["ssh_private_key"];
        Assert.StartsWith("-----BEGIN OPENSSH PRIVATE KEY-----", privateKey, StringComparison.Ordinal);
        Assert.All(privateKey.Split('\n').Where(l => l.Length >= 4), line => Assert.Contains(line, variables.Secrets));
        Assert.DoesNotContain(privateKey.Split('\n')[1], variables.ToString(), StringComparison.Ordinal);
    }
}
