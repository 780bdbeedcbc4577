using System.Globalization;
using System.Text;

namespace ImagePipeline.Credentials.Sops;

/// <summary>Go's <c>strconv.FormatFloat(f, 'f', -1, 64)</c>: shortest round-trip digits, never an exponent.</summary>
internal static class GoFloatFormat
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e < 0)
        {
            return shortest;
        }

        var negative = shortest.StartsWith('-');
        var mantissa = shortest[(negative ? 1 : 0)..e];
        var exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var pointPosition = (dot < 0 ? mantissa.Length : dot) + exponent;
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }

        if (pointPosition <= 0)
        {
            builder.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            builder.Append(digits).Append('0', pointPosition - digits.Length);
        }
        else
        {
            builder.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }

        return builder.ToString();
    }
}
