using System.Text;
using ImagePipeline.Verification;

namespace ImagePipeline.Catalog;

/// <summary>
/// The coreutils checksum-file format (<c>sha256sum</c>, <c>sha512sum</c>): one <c>&lt;hex&gt;  &lt;path&gt;</c> line per file,
/// paths relative to the file's folder, so <c>sha256sum -c SHA256SUMS</c> works where the file lies. Store keys
/// hold no backslash, newline or control character (<see cref="Storage.StoreKey"/>), so no line needs coreutils'
/// escaping; reading accepts the binary marker (<c>&lt;hex&gt; *&lt;path&gt;</c>) and escaped lines too.
/// </summary>
public static class ChecksumFile
{
    /// <summary>The file's text for <paramref name="entries"/> (one algorithm), in the given order, '\n' line ends.</summary>
    public static string Render(IEnumerable<(string Path, Checksum Checksum)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        foreach (var (path, checksum) in entries)
        {
            text.Append(checksum.Hex).Append("  ").Append(path).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads a checksum file of <paramref name="algorithm"/>; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="FormatException">A line is not <c>&lt;hex&gt;  &lt;path&gt;</c>; the message names the file and line.</exception>
    public static IReadOnlyList<(string Path, Checksum Checksum)> Parse(string text, HashAlgorithmKind algorithm, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<(string, Checksum)>();
        var lines = text.Split('\n');
        var hexLength = Checksum.HexLength(algorithm);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var escaped = line.StartsWith('\\');
            var body = escaped ? line[1..] : line;
            if (body.Length < hexLength + 2 || body[hexLength] != ' ' || body[hexLength + 1] is not (' ' or '*')
                || !Checksum.TryParse($"{Checksum.Prefix(algorithm)}:{body[..hexLength]}", out var checksum))
            {
                var shown = MessageText.Truncate(line);
                throw new FormatException($"{name} line {i + 1} is not '<{hexLength} hex digits>  <path>': '{shown}'.");
            }

            var path = body[(hexLength + 2)..];
            entries.Add((escaped ? path.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal) : path, checksum));
        }

        return entries;
    }
}
