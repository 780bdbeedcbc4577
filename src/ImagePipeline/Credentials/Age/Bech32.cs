namespace ImagePipeline.Credentials.Age;

/// <summary>
/// Bech32 (BIP 173, not Bech32m) as age uses it for identities and recipients: one case throughout,
/// no 90-character limit.
/// </summary>
public static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    /// <summary>Decodes <paramref name="text"/>; returns false on a bad checksum, mixed case or bad characters.</summary>
    public static bool TryDecode(string text, out string humanReadablePart, out byte[] data)
    {
        ArgumentNullException.ThrowIfNull(text);
        humanReadablePart = string.Empty;
        data = [];
        if (!text.Equals(text.ToLowerInvariant(), StringComparison.Ordinal) && !text.Equals(text.ToUpperInvariant(), StringComparison.Ordinal))
        {
            return false;
        }

        var lower = text.ToLowerInvariant();
        var separator = lower.LastIndexOf('1');
        if (separator < 1 || separator + 7 > lower.Length)
        {
            return false;
        }

        var hrp = lower[..separator];
        var values = new byte[lower.Length - separator - 1];
        for (var i = 0; i < values.Length; i++)
        {
            var index = Charset.IndexOf(lower[separator + 1 + i], StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }

            values[i] = (byte)index;
        }

        if (PolyMod([.. ExpandHrp(hrp), .. values]) != 1)
        {
            return false;
        }

        if (!TryConvertBits(values.AsSpan(0, values.Length - 6), 5, 8, pad: false, out data))
        {
            return false;
        }

        humanReadablePart = hrp;
        return true;
    }

    /// <summary>Encodes <paramref name="data"/> in lower case.</summary>
    public static string Encode(string humanReadablePart, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(humanReadablePart);
        var hrp = humanReadablePart.ToLowerInvariant();
        TryConvertBits(data, 8, 5, pad: true, out var values);
        var polymod = PolyMod([.. ExpandHrp(hrp), .. values, 0, 0, 0, 0, 0, 0]) ^ 1;
        var builder = new System.Text.StringBuilder(hrp.Length + 1 + values.Length + 6);
        builder.Append(hrp).Append('1');
        foreach (var value in values)
        {
            builder.Append(Charset[value]);
        }

        for (var i = 0; i < 6; i++)
        {
            builder.Append(Charset[(int)((polymod >> (5 * (5 - i))) & 31)]);
        }

        return builder.ToString();
    }

    private static byte[] ExpandHrp(string hrp)
    {
        var result = new byte[(hrp.Length * 2) + 1];
        for (var i = 0; i < hrp.Length; i++)
        {
            result[i] = (byte)(hrp[i] >> 5);
            result[i + hrp.Length + 1] = (byte)(hrp[i] & 31);
        }

        return result;
    }

    private static uint PolyMod(ReadOnlySpan<byte> values)
    {
        ReadOnlySpan<uint> generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        uint checksum = 1;
        foreach (var value in values)
        {
            var top = checksum >> 25;
            checksum = ((checksum & 0x1ffffff) << 5) ^ value;
            for (var i = 0; i < 5; i++)
            {
                if (((top >> i) & 1) != 0)
                {
                    checksum ^= generator[i];
                }
            }
        }

        return checksum;
    }

    private static bool TryConvertBits(ReadOnlySpan<byte> input, int fromBits, int toBits, bool pad, out byte[] output)
    {
        var result = new List<byte>((input.Length * fromBits / toBits) + 1);
        var accumulator = 0;
        var bits = 0;
        var maxValue = (1 << toBits) - 1;
        foreach (var value in input)
        {
            accumulator = (accumulator << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                result.Add((byte)((accumulator >> bits) & maxValue));
            }
        }

        output = [];
        if (pad)
        {
            if (bits > 0)
            {
                result.Add((byte)((accumulator << (toBits - bits)) & maxValue));
            }
        }
        else if (bits >= fromBits || ((accumulator << (toBits - bits)) & maxValue) != 0)
        {
            return false;
        }

        output = [.. result];
        return true;
    }
}
