using System.Diagnostics;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Credentials;

/// <summary>
/// A throwaway GNUPGHOME (mode 700) with the fixtures' PGP test keys imported. Dispose stops the
/// gpg-agent that gpg started for it and deletes the folder.
/// </summary>
public sealed class GnuPgHome : IDisposable
{
    private readonly TempDirectory directory = new("gnupg");

    public GnuPgHome()
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Run("gpg", "--batch", "--quiet", "--import",
            SopsFixtures.Path("getsops-sops", "sops_functional_tests_key.asc"),
            SopsFixtures.Path("sops-nix", "key.asc"));
    }

    public string Path => directory.Path;

    public void Dispose()
    {
        Run("gpgconf", "--kill", "gpg-agent");
        directory.Dispose();
    }

    private void Run(string file, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["GNUPGHOME"] = directory.Path;
        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {stderr.Result}");
        }
    }
}
