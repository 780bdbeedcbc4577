namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// Where the keys come from. <see cref="Environment"/> answers variable lookups (<c>SOPS_AGE_KEY_FILE</c>,
/// <c>SOPS_AGE_KEY</c>, <c>XDG_CONFIG_HOME</c>, <c>HOME</c>, <c>GNUPGHOME</c>, <c>SOPS_GPG_EXEC</c>);
/// <see cref="AgeKeyFile"/> is <c>--sops-age-key-file</c>, consulted first.
/// </summary>
public sealed record SopsDecryptionOptions(Func<string, string?> Environment, string? AgeKeyFile = null)
{
    /// <summary>The process environment, no explicit key file.</summary>
    public static SopsDecryptionOptions FromProcess(string? ageKeyFile = null) =>
        new(System.Environment.GetEnvironmentVariable, ageKeyFile);
}
