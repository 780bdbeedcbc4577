using Serilog;

namespace ImagePipeline.Credentials.Age;

/// <summary>
/// Collects age X25519 identities the way sops does, from every source that is set, in this order:
/// the explicit key file (<c>--sops-age-key-file</c>), <c>SOPS_AGE_KEY_FILE</c>, <c>SOPS_AGE_KEY</c>
/// (the key text itself, several keys per line allowed), the standard output of the command in
/// <c>SOPS_AGE_KEY_CMD</c> (run without a shell, like sops) and the user config file
/// <c>$XDG_CONFIG_HOME/sops/age/keys.txt</c> (default <c>~/.config/sops/age/keys.txt</c>).
/// The environment is passed in so callers (and tests) decide what the process sees.
/// </summary>
public sealed class AgeIdentityLoader
{
    public const string KeyFileVariable = "SOPS_AGE_KEY_FILE";
    public const string KeyVariable = "SOPS_AGE_KEY";
    public const string KeyCommandVariable = "SOPS_AGE_KEY_CMD";

    private readonly Func<string, string?> environment;
    private readonly ILogger logger;

    public AgeIdentityLoader(Func<string, string?> environment, ILogger logger)
    {
        this.environment = environment ?? throw new ArgumentNullException(nameof(environment));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Loads all identities. A missing or unreadable <paramref name="explicitKeyFile"/> throws
    /// <see cref="CredentialsException"/> (the user asked for it); problems with the other sources are
    /// reported in <see cref="AgeIdentitySet.Problems"/>, except a failing <c>SOPS_AGE_KEY_CMD</c>,
    /// which throws (it was set on purpose, and its identities would silently be missing).
    /// </summary>
    public async Task<AgeIdentitySet> LoadAsync(string? explicitKeyFile, CancellationToken cancellationToken)
    {
        var identities = new SourcedIdentities();
        var locations = new List<string>();
        var problems = new List<string>();
        if (!string.IsNullOrEmpty(explicitKeyFile))
        {
            locations.Add(explicitKeyFile);
            if (!File.Exists(explicitKeyFile))
            {
                throw new CredentialsException($"age key file '{explicitKeyFile}' (--sops-age-key-file) does not exist", explicitKeyFile);
            }

            string text;
            try
            {
                text = await File.ReadAllTextAsync(explicitKeyFile, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CredentialsException($"cannot read the age key file '{explicitKeyFile}' (--sops-age-key-file): {ex.Message}", explicitKeyFile, innerException: ex);
            }

            identities.Add($"--sops-age-key-file '{explicitKeyFile}'", Parse(text, explicitKeyFile, multiplePerLine: false, throwOnError: true, problems));
        }

        var keyFile = environment(KeyFileVariable);
        if (!string.IsNullOrEmpty(keyFile))
        {
            locations.Add($"{KeyFileVariable}={keyFile}");
            await AddFileAsync(keyFile, $"{KeyFileVariable} file '{keyFile}'", identities, problems, cancellationToken);
        }

        var keyText = environment(KeyVariable);
        if (!string.IsNullOrEmpty(keyText))
        {
            locations.Add(KeyVariable);
            identities.Add(KeyVariable, Parse(keyText, KeyVariable, multiplePerLine: true, throwOnError: false, problems));
        }

        var keyCommand = environment(KeyCommandVariable);
        if (!string.IsNullOrEmpty(keyCommand))
        {
            locations.Add(KeyCommandVariable);
            var output = await AgeKeyCommand.RunAsync(keyCommand, cancellationToken);
            identities.Add($"{KeyCommandVariable} output", Parse(output, $"{KeyCommandVariable} output", multiplePerLine: false, throwOnError: false, problems));
        }

        var userFile = UserKeyFile();
        if (userFile is not null)
        {
            locations.Add(userFile);
            if (File.Exists(userFile))
            {
                await AddFileAsync(userFile, $"'{userFile}'", identities, problems, cancellationToken);
            }
        }

        logger.Debug("Loaded {Count} age identities from {Locations}", identities.All.Count, locations);
        return new AgeIdentitySet(identities.All, locations, problems, identities.Sources);
    }

    /// <summary>sops's user key file: <c>$XDG_CONFIG_HOME/sops/age/keys.txt</c>, else the OS config folder.</summary>
    public string? UserKeyFile()
    {
        var configHome = environment("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(configHome) || !Path.IsPathRooted(configHome))
        {
            configHome = null;
            if (OperatingSystem.IsWindows())
            {
                configHome = environment("APPDATA");
            }
            else if (environment("HOME") is { Length: > 0 } home)
            {
                configHome = OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Application Support") : Path.Combine(home, ".config");
            }
        }

        return configHome is null ? null : Path.Combine(configHome, "sops", "age", "keys.txt");
    }

    private async Task AddFileAsync(string path, string what, SourcedIdentities identities, List<string> problems, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"cannot read {what}: {ex.Message}");
            return;
        }

        identities.Add(what, Parse(text, what, multiplePerLine: false, throwOnError: false, problems));
    }

    private List<AgeX25519Identity> Parse(string text, string what, bool multiplePerLine, bool throwOnError, List<string> problems)
    {
        var result = new List<AgeX25519Identity>();
        var lines = text.Split('\n');
        if (text.StartsWith("age-encryption.org/", StringComparison.Ordinal) || text.TrimStart().StartsWith(AgeArmor.BeginLine, StringComparison.Ordinal))
        {
            Report($"{what} is a passphrase-protected identity file, which is not supported", throwOnError, problems);
            return result;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var words = multiplePerLine ? line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [line];
            foreach (var word in words)
            {
                if (AgeX25519Identity.TryParse(word, out var identity))
                {
                    result.Add(identity!);
                }
                else if (word.StartsWith("AGE-PLUGIN-", StringComparison.Ordinal) || word.StartsWith("AGE-SECRET-KEY-PQ-", StringComparison.Ordinal))
                {
                    logger.Warning("Skipping unsupported age identity type in {Source} line {Line} (only X25519 identities are supported)", what, i + 1);
                }
                else
                {
                    // Never echo the line: it may be a mistyped secret key.
                    Report($"{what} line {i + 1} is not a valid age identity", throwOnError, problems);
                }
            }
        }

        return result;
    }

    private static void Report(string problem, bool throwOnError, List<string> problems)
    {
        if (throwOnError)
        {
            throw new CredentialsException(problem);
        }

        problems.Add(problem);
    }

    /// <summary>The identities in load order, and which source gave which.</summary>
    private sealed class SourcedIdentities
    {
        public List<AgeX25519Identity> All { get; } = [];

        public List<AgeIdentitySource> Sources { get; } = [];

        public void Add(string where, List<AgeX25519Identity> identities)
        {
            All.AddRange(identities);
            if (identities.Count > 0)
            {
                Sources.Add(new AgeIdentitySource(where, [.. identities.Select(i => i.Recipient)]));
            }
        }
    }
}
