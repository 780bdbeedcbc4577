using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ImagePipeline.Verification;

/// <summary>
/// A digest in the manifest's notation, <c>sha256:&lt;64 hex&gt;</c> or <c>sha512:&lt;128 hex&gt;</c>.
/// The hex is always lowercase, so two equal digests compare equal as records and as strings.
/// </summary>
public sealed record Checksum
{
    public const string ExpectedForm = "sha256:<64 hex digits> or sha512:<128 hex digits>";

    private Checksum(HashAlgorithmKind algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    public HashAlgorithmKind Algorithm { get; }

    /// <summary>Lowercase hexadecimal digest.</summary>
    public string Hex { get; }

    public static string Prefix(HashAlgorithmKind algorithm) => algorithm switch
    {
        HashAlgorithmKind.Sha256 => "sha256",
        HashAlgorithmKind.Sha512 => "sha512",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    public static int HexLength(HashAlgorithmKind algorithm) => algorithm == HashAlgorithmKind.Sha256 ? 64 : 128;

    public static Checksum FromBytes(HashAlgorithmKind algorithm, ReadOnlySpan<byte> digest) =>
        new(algorithm, Convert.ToHexStringLower(digest));

    public static Checksum Parse(string text) =>
        TryParse(text, out var checksum)
            ? checksum
            : throw new FormatException($"'{text}' is not a checksum; expected {ExpectedForm}.");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Checksum? checksum)
    {
        checksum = null;
        if (text is null)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !TryParseAlgorithm(text[..colon], out var algorithm))
        {
            return false;
        }

        var hex = text[(colon + 1)..];
        if (hex.Length != HexLength(algorithm) || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        checksum = new Checksum(algorithm, hex.ToLowerInvariant());
        return true;
    }

    public static bool TryParseAlgorithm(string? name, out HashAlgorithmKind algorithm)
    {
        switch (name?.ToLowerInvariant())
        {
            case "sha256":
                algorithm = HashAlgorithmKind.Sha256;
                return true;
            case "sha512":
                algorithm = HashAlgorithmKind.Sha512;
                return true;
            default:
                algorithm = default;
                return false;
        }
    }

    /// <summary>The first <paramref name="length"/> hex digits, for tables.</summary>
    public string Abbreviated(int length = 12) => Hex[..Math.Min(length, Hex.Length)];

    /// <summary><c>sha256:0123456789ab</c>: the algorithm and the first <paramref name="length"/> hex digits, for messages and tables.</summary>
    public string Shortened(int length = 12) => $"{Prefix(Algorithm)}:{Abbreviated(length)}";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix(Algorithm)}:{Hex}");
}
