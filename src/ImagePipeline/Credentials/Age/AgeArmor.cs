using System.Text;

namespace ImagePipeline.Credentials.Age;

/// <summary>
/// age's ASCII armor (<c>-----BEGIN AGE ENCRYPTED FILE-----</c>), as strict as age's own reader:
/// canonical padded base64 in lines of exactly 64 columns, except a last line of 1 to 64, no
/// whitespace or empty line inside, LF or CRLF line ends. Whitespace before the BEGIN line and
/// after the END line is tolerated (up to <see cref="MaxOutsideWhitespace"/> bytes before), as
/// age does.
/// </summary>
public static class AgeArmor
{
    public const string BeginLine = "-----BEGIN AGE ENCRYPTED FILE-----";
    public const string EndLine = "-----END AGE ENCRYPTED FILE-----";

    /// <summary>How much whitespace may precede the armor (age's limit).</summary>
    public const int MaxOutsideWhitespace = 1024;

    private const int Columns = 64;
    private static readonly char[] Whitespace = [' ', '\t', '\r', '\n'];

    /// <summary>Bytes to read ahead to recognise armor behind leading whitespace.</summary>
    public static int DetectionLength => MaxOutsideWhitespace + BeginLine.Length;

    /// <summary>
    /// True when <paramref name="prefix"/> starts the armor after leading whitespace, or is no binary
    /// age file but names the armor (so a damaged BEGIN line is reported as bad armor).
    /// </summary>
    public static bool LooksArmored(ReadOnlySpan<byte> prefix)
    {
        var text = Encoding.ASCII.GetString(prefix);
        var start = text.Length - text.TrimStart(Whitespace).Length;
        return (start <= MaxOutsideWhitespace && text.AsSpan(start).StartsWith("-----BEGIN", StringComparison.Ordinal))
            || (!text.StartsWith("age-encryption.org/", StringComparison.Ordinal)
                && text.Contains("BEGIN AGE ENCRYPTED FILE", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Decodes the armored text to the binary age file.</summary>
    public static byte[] Decode(string armored)
    {
        ArgumentNullException.ThrowIfNull(armored);
        var lines = armored.Trim(Whitespace).Split('\n').Select(l => l.EndsWith('\r') ? l[..^1] : l).ToArray();
        if (lines.Length < 2 || !string.Equals(lines[0], BeginLine, StringComparison.Ordinal)
            || !string.Equals(lines[^1], EndLine, StringComparison.Ordinal))
        {
            throw Invalid("the first line must be '" + BeginLine + "' and the last '" + EndLine + "'");
        }

        var body = lines[1..^1];
        for (var i = 0; i < body.Length; i++)
        {
            var isLast = i == body.Length - 1;
            if (body[i].Length == 0 || body[i].Length > Columns || (!isLast && body[i].Length != Columns))
            {
                throw Invalid($"line {i + 2} has {body[i].Length} columns; every line but the last must have 64, the last 1 to 64");
            }
        }

        var base64 = string.Concat(body);
        if (!IsStrictBase64(base64))
        {
            throw Invalid("the body is not padded base64 (only A-Z, a-z, 0-9, '+', '/' and final '=' padding, no whitespace)");
        }

        var bytes = Convert.FromBase64String(base64);

        // Non-canonical encodings (stray bits in the last character) are rejected as age does.
        return string.Equals(Convert.ToBase64String(bytes), base64, StringComparison.Ordinal)
            ? bytes
            : throw Invalid("the body is not canonical base64");
    }

    private static bool IsStrictBase64(string text)
    {
        var data = text.TrimEnd('=');
        var padding = text.Length - data.Length;
        return text.Length % 4 == 0 && padding <= 2 && data.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/');
    }

    private static AgeDecryptionException Invalid(string reason) => new("invalid age armor: " + reason);
}
