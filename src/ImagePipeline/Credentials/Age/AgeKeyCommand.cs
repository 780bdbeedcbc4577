using System.ComponentModel;
using System.Diagnostics;

namespace ImagePipeline.Credentials.Age;

/// <summary>
/// Runs <c>SOPS_AGE_KEY_CMD</c> as sops does: the value split into words (no shell), the program
/// run with the caller's environment, its standard output read as identities. Fails when it cannot
/// start, exits non-zero or runs longer than <see cref="Timeout"/>.
/// </summary>
internal static class AgeKeyCommand
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The command's standard output; throws <see cref="CredentialsException"/> naming the command.</summary>
    public static async Task<string> RunAsync(string command, CancellationToken cancellationToken)
    {
        var shown = MessageText.Truncate(command);
        IReadOnlyList<string> words;
        try
        {
            words = ShellWords.Split(command);
        }
        catch (FormatException ex)
        {
            throw Failed(shown, $"cannot be split into words ({ex.Message})");
        }

        if (words.Count == 0)
        {
            throw Failed(shown, "is empty");
        }

        var start = new ProcessStartInfo(words[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var word in words.Skip(1))
        {
            start.ArgumentList.Add(word);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw Failed(shown, "could not be started");
        }
        catch (Win32Exception ex)
        {
            throw Failed(shown, $"could not be started ({ex.Message})");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                await Task.WhenAll(output, errors);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw Failed(shown, $"did not finish within {Timeout.TotalSeconds:0} seconds");
            }

            if (process.ExitCode != 0)
            {
                var firstLine = (await errors).Split('\n', 2)[0].Trim();
                var detail = firstLine.Length == 0 ? string.Empty : ": " + MessageText.Truncate(firstLine);
                throw Failed(shown, $"exited with code {process.ExitCode}{detail}");
            }

            return await output;
        }
    }

    private static CredentialsException Failed(string shown, string what) =>
        new($"{AgeIdentityLoader.KeyCommandVariable} '{shown}' {what}; it must print age identities (AGE-SECRET-KEY-1…) on standard output");
}
