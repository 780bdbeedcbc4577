using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// Turns scalars into the typed values sops hashes: cleartext YAML scalars are resolved the way
/// gopkg.in/yaml.v3 decodes them into <c>interface{}</c>, decrypted plaintexts are parsed by their
/// <c>type:</c> like sops's <c>aes/cipher.go</c>; both are then rendered as sops's <c>ToBytes</c> does
/// (ints in decimal, floats shortest without exponent, bools as <c>True</c>/<c>False</c>).
/// </summary>
internal static partial class SopsScalarConverter
{
    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    /// <summary>Resolves a cleartext scalar; null for a YAML null (sops skips those entirely).</summary>
    public static SopsLeafValue? FromCleartext(YamlTreeScalar scalar)
    {
        var tag = scalar.Tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal) ? scalar.Tag[CoreTagPrefix.Length..] : scalar.Tag;
        var text = scalar.Value;
        if (!scalar.IsPlainUntagged && tag is not ("int" or "float" or "bool" or "null"))
        {
            return String(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return tag is "" or "null" ? null : String(text);
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return Bool(text[0] is 't' or 'T');
        }

        if (text is ".nan" or ".NaN" or ".NAN")
        {
            return Float(double.NaN);
        }

        if (text is ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF")
        {
            return Float(double.PositiveInfinity);
        }

        if (text is "-.inf" or "-.Inf" or "-.INF")
        {
            return Float(double.NegativeInfinity);
        }

        if (text.Length == 0 || !"+-.0123456789".Contains(text[0], StringComparison.Ordinal) || TimestampPattern().IsMatch(text))
        {
            // yaml.v3 keeps timestamps as their text when decoding into interface{}.
            return String(text);
        }

        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (TryParseGoInteger(plain, out var integer))
        {
            return new SopsLeafValue(SopsValueType.Integral, Encoding.UTF8.GetBytes(integer.ToString(CultureInfo.InvariantCulture)));
        }

        if (YamlFloatPattern().IsMatch(plain)
            && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number))
        {
            return Float(number);
        }

        return String(text);
    }

    /// <summary>Parses a decrypted plaintext by its sops type; throws <see cref="FormatException"/> when it does not fit.</summary>
    public static SopsLeafValue FromDecrypted(string type, byte[] plaintext)
    {
        var text = Encoding.UTF8.GetString(plaintext);
        switch (type)
        {
            case "str":
                return new SopsLeafValue(SopsValueType.Text, plaintext);
            case "bytes":
                return new SopsLeafValue(SopsValueType.Bytes, plaintext);
            case "int" or "int64":
                return IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    ? new SopsLeafValue(SopsValueType.Integral, Encoding.UTF8.GetBytes(integer.ToString(CultureInfo.InvariantCulture)))
                    : throw new FormatException("the plaintext of an int value is not an integer");
            case "float":
                return TryParseGoFloat(text, out var number) ? Float(number) : throw new FormatException("the plaintext of a float value is not a number");
            case "bool":
                return text switch
                {
                    "1" or "t" or "T" or "true" or "TRUE" or "True" => Bool(true),
                    "0" or "f" or "F" or "false" or "FALSE" or "False" => Bool(false),
                    _ => throw new FormatException("the plaintext of a bool value is not a boolean"),
                };
            default:
                throw new FormatException($"unknown sops value type '{type}'");
        }
    }

    private static SopsLeafValue String(string text) => new(SopsValueType.Text, Encoding.UTF8.GetBytes(text));

    private static SopsLeafValue Bool(bool value) => new(SopsValueType.Logical, value ? "True"u8.ToArray() : "False"u8.ToArray());

    private static SopsLeafValue Float(double value) => new(SopsValueType.FloatingPoint, Encoding.UTF8.GetBytes(GoFloatFormat.Format(value)));

    private static bool TryParseGoFloat(string text, out double value)
    {
        value = 0;
        var unsigned = text.TrimStart('+', '-');
        var negative = text.StartsWith('-');
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return text.Length - unsigned.Length <= 1;
        }

        if (text.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        return DecimalFloatPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && !double.IsInfinity(value);
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c> (then ParseUint): sign, 0x/0o/0b prefixes, legacy leading-zero octal.</summary>
    private static bool TryParseGoInteger(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var negative = text.StartsWith('-');
        var body = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        if (body.Length == 0)
        {
            return false;
        }

        var (radix, digits) = body switch
        {
            _ when body.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => (16, body[2..]),
            _ when body.StartsWith("0b", StringComparison.OrdinalIgnoreCase) => (2, body[2..]),
            _ when body.StartsWith("0o", StringComparison.OrdinalIgnoreCase) => (8, body[2..]),
            _ when body.Length > 1 && body[0] == '0' => (8, body[1..]),
            _ => (10, body),
        };
        if (digits.Length == 0)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return false;
            }

            value = (value * radix) + digit;
        }

        value = negative ? -value : value;
        return value >= long.MinValue && value <= ulong.MaxValue;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlFloatPattern();

    [GeneratedRegex(@"^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalFloatPattern();

    [GeneratedRegex(@"^[+-]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();
}
