using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ImagePipeline.GitHubActions;

/// <summary>
/// Writes <see cref="YamlNode"/> trees as block-style YAML, byte for byte the same for the same tree:
/// two-space indentation, <c>\n</c> newlines, sequences indented under their key, no trailing spaces.
/// String values are written plain when no YAML 1.1 or 1.2 parser could read them as anything but that
/// string, single-quoted when they only need quoting, double-quoted with escapes when they hold control
/// characters, and as literal blocks (<c>|</c>, <c>|-</c>) when they span lines.
/// Keys follow the YAML 1.2 rules only, so <c>on:</c> stays plain (GitHub reads it as a string).
/// </summary>
public static partial class YamlWriter
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    private static readonly HashSet<string> Reserved12 = new(StringComparer.Ordinal)
    {
        "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE",
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
    };

    // YAML 1.1 booleans and the merge/value keys: some parsers still read them as non-strings.
    private static readonly HashSet<string> Reserved11 = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<", "=",
    };

    public static string Write(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var lines = new List<string>();
        switch (node)
        {
            case YamlMapping { Entries.Count: > 0 } mapping:
                WriteMapping(lines, mapping, 0);
                break;
            case YamlSequence { Items.Count: > 0 } sequence:
                WriteSequence(lines, sequence, 0);
                break;
            default:
                var (head, block) = Scalar(node, 2);
                lines.Add(head);
                lines.AddRange(block);
                break;
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>How a string value is written on one line (quoted when needed); multi-line text is not accepted here.</summary>
    public static string FormatInline(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return NeedsDoubleQuotes(value) ? DoubleQuoted(value)
            : NeedsQuotes(value, isKey: false) ? SingleQuoted(value)
            : value;
    }

    private static void WriteMapping(List<string> lines, YamlMapping mapping, int indent)
    {
        var pad = new string(' ', indent);
        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            if (i > 0 && mapping.Spaced)
            {
                lines.Add(string.Empty);
            }

            var (key, value) = mapping.Entries[i];
            var prefix = pad + FormatKey(key) + ":";
            switch (value)
            {
                case YamlMapping { Entries.Count: > 0 } child:
                    lines.Add(prefix);
                    WriteMapping(lines, child, indent + 2);
                    break;
                case YamlSequence { Items.Count: > 0 } child:
                    lines.Add(prefix);
                    WriteSequence(lines, child, indent + 2);
                    break;
                default:
                    var (head, block) = Scalar(value, indent + 2);
                    lines.Add(prefix + " " + head);
                    lines.AddRange(block);
                    break;
            }
        }
    }

    private static void WriteSequence(List<string> lines, YamlSequence sequence, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var item in sequence.Items)
        {
            // Render the item as if it were indented two more, then put "- " into the first line's indentation.
            var itemLines = new List<string>();
            switch (item)
            {
                case YamlMapping { Entries.Count: > 0 } mapping:
                    WriteMapping(itemLines, mapping, indent + 2);
                    break;
                case YamlSequence { Items.Count: > 0 } nested:
                    WriteSequence(itemLines, nested, indent + 2);
                    break;
                default:
                    var (head, block) = Scalar(item, indent + 2);
                    itemLines.Add(new string(' ', indent + 2) + head);
                    itemLines.AddRange(block);
                    break;
            }

            lines.Add(pad + "- " + itemLines[0][(indent + 2)..]);
            lines.AddRange(itemLines.Skip(1));
        }
    }

    /// <summary>The text after <c>key: </c> or <c>- </c>, and the lines of a literal block (indented by <paramref name="blockIndent"/>).</summary>
    private static (string Head, IReadOnlyList<string> Block) Scalar(YamlNode node, int blockIndent) => node switch
    {
        YamlMapping => ("{}", []),
        YamlSequence => ("[]", []),
        YamlScalar { Kind: YamlScalarKind.Text } scalar => StringScalar(scalar.Text, blockIndent),
        YamlScalar scalar => (scalar.Text, []),
        _ => throw new ArgumentException($"Unknown YAML node {node.GetType().Name}", nameof(node)),
    };

    private static (string Head, IReadOnlyList<string> Block) StringScalar(string value, int blockIndent)
    {
        // Several trailing newlines would need keep chomping (|+), whose trailing blank lines a spaced mapping
        // would then extend; such rare values are double-quoted instead.
        if (!value.Contains('\n', StringComparison.Ordinal) || value.EndsWith("\n\n", StringComparison.Ordinal) || !CanBeLiteralBlock(value))
        {
            return (FormatInline(value), []);
        }

        var body = value.TrimEnd('\n');
        var trailing = value.Length - body.Length;
        var pad = new string(' ', blockIndent);
        return (trailing == 0 ? "|-" : "|", [.. body.Split('\n').Select(line => line.Length == 0 ? line : pad + line)]);
    }

    /// <summary>
    /// A literal block cannot hold control characters or trailing spaces (editors strip them), and its first
    /// non-empty line must not start with white space (that would change the detected indentation).
    /// </summary>
    private static bool CanBeLiteralBlock(string value)
    {
        var lines = value.TrimEnd('\n').Split('\n');
        var first = lines.FirstOrDefault(line => line.Length > 0);
        return first is not null && !char.IsWhiteSpace(first[0])
            && !value.Any(c => c != '\n' && c != '\t' && (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF'))
            && lines.All(line => line.Length == 0 || !char.IsWhiteSpace(line[^1]));
    }

    private static string FormatKey(string key) =>
        NeedsDoubleQuotes(key) ? DoubleQuoted(key) : NeedsQuotes(key, isKey: true) ? SingleQuoted(key) : key;

    private static bool NeedsDoubleQuotes(string value) =>
        value.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF');

    private static bool NeedsQuotes(string value, bool isKey) =>
        value.Length == 0
        || Indicators.Contains(value[0], StringComparison.Ordinal)
        || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])
        || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':')
        || Reserved12.Contains(value)
        || (!isKey && Reserved11.Contains(value))
        || LooksNumeric().IsMatch(value);

    private static string SingleQuoted(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string DoubleQuoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' =>
                    "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    // Anything that starts like a number and continues in number-ish characters (ints, floats, hex, octal,
    // YAML 1.1 sexagesimals such as 12:30, dates such as 2024-01-01, versions such as 1.10): quoting a few
    // strings that did not need it is harmless, reading a version as a float is not.
    [GeneratedRegex(@"^[-+]?\.?[0-9][-+0-9a-fA-FxXoO_.:]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LooksNumeric();
}
