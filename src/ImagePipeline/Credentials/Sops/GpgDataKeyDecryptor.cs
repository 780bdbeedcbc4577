using System.ComponentModel;
using System.Diagnostics;
using Serilog;

namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// Decrypts a PGP-wrapped sops data key by running <c>gpg -d</c> exactly as sops's pgp keysource
/// does: the armored message on stdin, the data key on stdout, no other arguments. So gpg-agent,
/// pinentry and smartcards (Yubikey) work as for sops; batch or loopback modes are not forced.
/// <c>SOPS_GPG_EXEC</c> replaces the binary; <c>GNUPGHOME</c> is passed to gpg as the environment
/// function says (removed when it returns null).
/// </summary>
public sealed class GpgDataKeyDecryptor
{
    public const string GpgExecVariable = "SOPS_GPG_EXEC";
    public const string GnuPgHomeVariable = "GNUPGHOME";
    private const int MaxStderrInMessage = 400;

    private readonly Func<string, string?> environment;
    private readonly ILogger logger;

    public GpgDataKeyDecryptor(Func<string, string?> environment, ILogger logger)
    {
        this.environment = environment ?? throw new ArgumentNullException(nameof(environment));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The gpg binary: <c>SOPS_GPG_EXEC</c> when set, else <c>gpg</c> from PATH.</summary>
    public string GpgBinary => environment(GpgExecVariable) is { Length: > 0 } exec ? exec : "gpg";

    /// <summary>
    /// Returns the plaintext of <paramref name="armoredMessage"/>. Throws <see cref="CredentialsException"/>
    /// when gpg cannot be started, fails, or prints nothing; the message carries gpg's stderr (which
    /// holds key ids and reasons, never the plaintext). Cancelling kills gpg.
    /// </summary>
    public async Task<byte[]> DecryptAsync(string armoredMessage, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(armoredMessage);
        var startInfo = new ProcessStartInfo(GpgBinary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-d");
        if (environment(GnuPgHomeVariable) is { Length: > 0 } home)
        {
            startInfo.Environment[GnuPgHomeVariable] = home;
        }
        else
        {
            startInfo.Environment.Remove(GnuPgHomeVariable);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new CredentialsException($"cannot run '{startInfo.FileName}' to decrypt the data key for PGP key {fingerprint} (install GnuPG or set {GpgExecVariable}): {ex.Message}", innerException: ex);
        }

        logger.Debug("Running {Gpg} -d for PGP key {Fingerprint}", startInfo.FileName, fingerprint);
        try
        {
            var stdout = new MemoryStream();
            var readOut = process.StandardOutput.BaseStream.CopyToAsync(stdout, cancellationToken);
            var readErr = process.StandardError.ReadToEndAsync(cancellationToken);
            await WriteInputAsync(process, armoredMessage, cancellationToken);
            await Task.WhenAll(readOut, readErr);
            await process.WaitForExitAsync(cancellationToken);
            var stderr = (await readErr).Trim();
            if (process.ExitCode != 0)
            {
                throw new CredentialsException($"gpg could not decrypt the data key for PGP key {fingerprint} (exit code {process.ExitCode}): {MessageText.Truncate(stderr, MaxStderrInMessage)}");
            }

            if (stdout.Length == 0)
            {
                // Older GnuPG drops AEAD packets it does not know and exits 0 with no output (sops#896).
                throw new CredentialsException($"gpg returned no data for PGP key {fingerprint} (GnuPG too old for the message's cipher?)");
            }

            return stdout.ToArray();
        }
        catch
        {
            // Cancelled or failed: never leave gpg running.
            Kill(process);
            throw;
        }
    }

    private static async Task WriteInputAsync(Process process, string armoredMessage, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(armoredMessage.AsMemory(), cancellationToken);
            await process.StandardInput.FlushAsync(cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // gpg exited before reading everything (broken pipe); its exit code and stderr tell why.
            try
            {
                process.StandardInput.Dispose();
            }
            catch (IOException)
            {
                // The pipe is already broken; nothing more to flush.
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);

                // SIGKILL is immediate; waiting reaps the child so nothing outlives the call.
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
