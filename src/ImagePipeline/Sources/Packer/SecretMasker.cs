namespace ImagePipeline.Sources.Packer;

/// <summary>Replaces every occurrence of known secret values with <c>***</c>.</summary>
public sealed class SecretMasker
{
    public const string Mask = "***";

    private readonly string[] _secrets;

    public SecretMasker(IEnumerable<string> secrets)
    {
        // Longest first, so a secret that contains another one is masked as a whole.
        _secrets = [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    public static SecretMasker None { get; } = new([]);

    /// <summary>
    /// What to mask of one secret value: the whole, and each line of a multi-line value (a private key
    /// is printed line by line by tools), lines shorter than 4 characters excepted so that masking them
    /// does not blank out ordinary text.
    /// </summary>
    public static IEnumerable<string> Parts(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        yield return secret;
        foreach (var line in secret.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length >= 4 && trimmed.Length < secret.Length)
            {
                yield return trimmed;
            }
        }
    }

    public string Apply(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
