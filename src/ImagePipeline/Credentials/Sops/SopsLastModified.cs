using System.Text.RegularExpressions;

namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// Formats <c>lastmodified</c> as Go's <c>time.Format(time.RFC3339)</c> after <c>time.Parse</c>:
/// fractional seconds dropped, a zero offset written <c>Z</c>, other offsets kept.
/// </summary>
internal static partial class SopsLastModified
{
    public static bool TryFormat(string value, out string formatted)
    {
        formatted = string.Empty;
        var match = Rfc3339().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var offset = match.Groups["offset"].Value;
        var zone = offset is "Z" or "z" or "+00:00" or "-00:00" ? "Z" : offset;
        formatted = $"{match.Groups["date"].Value}T{match.Groups["time"].Value}{zone}";
        return true;
    }

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt](?<time>[0-9]{2}:[0-9]{2}:[0-9]{2})(\.[0-9]+)?(?<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
