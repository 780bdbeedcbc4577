using ImagePipeline.Credentials.Age;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Credentials.Age;

/// <summary>Keys from the real age-keygen and files from the real age CLI, in a temporary folder.</summary>
internal sealed class AgeCli(TempDirectory temp)
{
    public async Task<(AgeX25519Identity Identity, string Recipient, string KeyFile)> GenerateKeyAsync(string name)
    {
        var keyFile = temp.Combine(name);
        await Cli.RunAsync("age-keygen", "-o", keyFile);
        var recipient = (await Cli.RunAsync("age-keygen", "-y", keyFile)).Trim();
        var secretLine = File.ReadAllLines(keyFile).Single(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal));
        Assert.True(AgeX25519Identity.TryParse(secretLine, out var identity));
        return (identity!, recipient, keyFile);
    }

    public async Task<byte[]> EncryptAsync(byte[] plaintext, bool armored, params string[] recipients)
    {
        var input = temp.Combine($"plain-{Guid.NewGuid():N}");
        var output = input + ".age";
        File.WriteAllBytes(input, plaintext);
        List<string> arguments = [.. armored ? ["-a"] : Array.Empty<string>(), .. recipients.SelectMany(r => new[] { "-r", r }), "-o", output, input];
        await Cli.RunAsync("age", [.. arguments]);
        return File.ReadAllBytes(output);
    }

    public static async Task<byte[]> DecryptAsync(byte[] encrypted, params AgeX25519Identity[] identities)
    {
        using var output = new MemoryStream();
        await AgeDecryptor.DecryptAsync(new MemoryStream(encrypted), output, identities, CancellationToken.None);
        return output.ToArray();
    }
}
