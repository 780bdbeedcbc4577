using System.Text;

namespace ImagePipeline.Credentials.Age;

/// <summary>
/// age's ASCII armor (<c>-----BEGIN AGE ENCRYPTED FILE-----</c>): strict padded base64 in 64-column
/// lines. Surrounding whitespace is tolerated, as age does.
/// </summary>
public static class AgeArmor
{
    public const string BeginLine = "-----BEGIN AGE ENCRYPTED FILE-----";
    public const string EndLine = "-----END AGE ENCRYPTED FILE-----";
    private const int Columns = 64;

    /// <summary>True when <paramref name="prefix"/> (after leading whitespace) starts the armor.</summary>
    public static bool LooksArmored(ReadOnlySpan<byte> prefix)
    {
        var text = Encoding.ASCII.GetString(prefix).TrimStart();
        return text.StartsWith("-----BEGIN", StringComparison.Ordinal);
    }

    /// <summary>Decodes the armored text to the binary age file.</summary>
    public static byte[] Decode(string armored)
    {
        ArgumentNullException.ThrowIfNull(armored);
        var lines = armored.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (lines.Length < 2 || !string.Equals(lines[0], BeginLine, StringComparison.Ordinal)
            || !string.Equals(lines[^1], EndLine, StringComparison.Ordinal))
        {
            throw new AgeDecryptionException("invalid age armor: missing BEGIN or END line");
        }

        var body = lines[1..^1];
        for (var i = 0; i < body.Length; i++)
        {
            var isLast = i == body.Length - 1;
            if (body[i].Length > Columns || (!isLast && body[i].Length != Columns) || (isLast && body[i].Length == 0))
            {
                throw new AgeDecryptionException("invalid age armor: lines must be 64 columns except the last");
            }
        }

        try
        {
            return Convert.FromBase64String(string.Concat(body));
        }
        catch (FormatException ex)
        {
            throw new AgeDecryptionException("invalid age armor: bad base64", innerException: ex);
        }
    }
}
