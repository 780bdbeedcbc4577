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

    public string Apply(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
