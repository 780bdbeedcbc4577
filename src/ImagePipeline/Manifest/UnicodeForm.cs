namespace ImagePipeline.Manifest;

/// <summary>
/// Finds characters that keep a string from being in Unicode NFC. The runtime runs with
/// InvariantGlobalization, where <see cref="string.IsNormalized()"/> always says true and
/// <see cref="string.Normalize()"/> changes nothing (verified on .NET 10), so this checks what
/// decomposed text (macOS file names, NFD input) actually contains: combining diacritical marks,
/// conjoining Hangul jamo, and the singletons NFC replaces (Kelvin, Ångström and Ohm signs, CJK
/// compatibility ideographs). Other scripts' combining marks (Devanagari vowel signs, …) are
/// left alone: they are part of composed text too.
/// </summary>
internal static class UnicodeForm
{
    /// <summary>The first character that NFC would change, or null when none is found.</summary>
    public static char? FirstNotComposed(string text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\u0300' and <= '\u036F') or (>= '\u1AB0' and <= '\u1AFF') or (>= '\u1DC0' and <= '\u1DFF')
                or (>= '\u20D0' and <= '\u20FF') or (>= '\uFE20' and <= '\uFE2F') or (>= '\u1160' and <= '\u11FF')
                or '\u212A' or '\u212B' or '\u2126' or (>= '\uF900' and <= '\uFAFF'))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>True when a UTF-16 surrogate has no partner (the text cannot be written as UTF-8).</summary>
    public static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
