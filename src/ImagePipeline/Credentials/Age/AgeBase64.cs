namespace ImagePipeline.Credentials.Age;

/// <summary>age's header encoding: standard base64 without padding, canonical only.</summary>
internal static class AgeBase64
{
    public static byte[] Decode(string text, string what)
    {
        if (text.Contains('=', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal))
        {
            throw new AgeDecryptionException($"age header: {what} is not unpadded base64");
        }

        var padded = text + new string('=', (4 - (text.Length % 4)) % 4);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(padded);
        }
        catch (FormatException ex)
        {
            throw new AgeDecryptionException($"age header: {what} is not valid base64", innerException: ex);
        }

        // Non-canonical encodings (stray low bits in the last character) are rejected as age does.
        if (!string.Equals(Encode(bytes), text, StringComparison.Ordinal))
        {
            throw new AgeDecryptionException($"age header: {what} is not canonical base64");
        }

        return bytes;
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}
