using System.Diagnostics;
using ImagePipeline.Credentials;
using ImagePipeline.Credentials.Sops;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Credentials.Sops;

/// <summary>How gpg is run: arguments, stdin, SOPS_GPG_EXEC, GNUPGHOME, failure and cancellation.</summary>
public sealed class GpgDataKeyDecryptorTests : IClassFixture<GnuPgHome>, IDisposable
{
    private readonly GnuPgHome gnupg;
    private readonly TempDirectory temp = new("gpg-exec");
    private readonly LogCapture log = new();

    public GpgDataKeyDecryptorTests(GnuPgHome gnupg)
    {
        this.gnupg = gnupg;
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Decrypt_ThroughSopsGpgExecWrapper_RunsGpgWithOnlyDashDAndMessageOnStdin()
    {
        var argsFile = temp.Combine("args");
        var wrapper = Script("wrapper.sh", $"printf '%s\\n' \"$@\" > '{argsFile}'\nprintf '%s' \"$GNUPGHOME\" >> '{argsFile}'\nexec gpg \"$@\"");
        var message = await Cli.RunAsync("sh", "-c", $"printf 'k%.0s' $(seq 32) | GNUPGHOME='{gnupg.Path}' gpg --batch --trust-model always -a -e -r FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4");

        var key = await Decryptor(("SOPS_GPG_EXEC", wrapper)).DecryptAsync(message, "FBC7B9E2", CancellationToken.None);

        Assert.Equal(new string('k', 32), System.Text.Encoding.ASCII.GetString(key));
        Assert.Equal(["-d", gnupg.Path], File.ReadAllLines(argsFile));
    }

    [Fact]
    public async Task Decrypt_GnuPgHomeWithoutTheKey_FailsWithGpgsReason()
    {
        var emptyHome = temp.Combine("empty-gnupg");
        Directory.CreateDirectory(emptyHome);
        var message = ArmoredMessageFromFixture();

        try
        {
            var error = await Assert.ThrowsAsync<CredentialsException>(() =>
                new GpgDataKeyDecryptor(TestEnvironment.Create(temp.Path, ("GNUPGHOME", emptyHome)), log.Logger).DecryptAsync(message, "FBC7B9E2", CancellationToken.None));

            Assert.Contains("FBC7B9E2", error.Message, StringComparison.Ordinal);
            Assert.Contains("exit code 2", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await Cli.RunAsync("sh", "-c", $"GNUPGHOME='{emptyHome}' gpgconf --kill gpg-agent");
        }
    }

    [Fact]
    public async Task Decrypt_GpgMissing_FailsNamingSopsGpgExec()
    {
        var error = await Assert.ThrowsAsync<CredentialsException>(() =>
            Decryptor(("SOPS_GPG_EXEC", temp.Combine("no-such-gpg"))).DecryptAsync("x", "FBC7B9E2", CancellationToken.None));

        Assert.Contains("SOPS_GPG_EXEC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decrypt_Cancelled_KillsGpg()
    {
        var pidFile = temp.Combine("pid");
        var hanging = Script("hang.sh", $"echo $$ > '{pidFile}'\nexec sleep 30");
        using var cancellation = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();

        var decrypt = Decryptor(("SOPS_GPG_EXEC", hanging)).DecryptAsync("message", "FBC7B9E2", cancellation.Token);
        while (!File.Exists(pidFile) || new FileInfo(pidFile).Length == 0)
        {
            await Task.Delay(20);
        }

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => decrypt);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
    }

    private static string ArmoredMessageFromFixture()
    {
        var text = File.ReadAllText(SopsFixtures.Path("getsops-sops", "format.enc.yaml"));
        var start = text.IndexOf("-----BEGIN PGP MESSAGE-----", StringComparison.Ordinal);
        var end = text.IndexOf("-----END PGP MESSAGE-----", StringComparison.Ordinal) + "-----END PGP MESSAGE-----".Length;
        return string.Join('\n', text[start..end].Split('\n').Select(l => l.Trim())) + "\n";
    }

    private string Script(string name, string body)
    {
        var path = temp.Combine(name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private GpgDataKeyDecryptor Decryptor(params (string, string?)[] variables) =>
        new(TestEnvironment.Create(temp.Path, [("GNUPGHOME", gnupg.Path), .. variables]), log.Logger);
}
