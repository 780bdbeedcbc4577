using System.Text;

namespace ImagePipeline.Credentials.Age;

/// <summary>
/// A parsed age v1 header: its recipient stanzas, its MAC and the exact bytes the MAC covers
/// (everything up to and including <c>---</c>).
/// </summary>
public sealed class AgeHeader
{
    private const string VersionLine = "age-encryption.org/v1";
    private const int MaxHeaderBytes = 1 << 20;
    private const int BodyLineColumns = 64;

    private AgeHeader(IReadOnlyList<AgeStanza> stanzas, byte[] mac, byte[] macInput)
    {
        Stanzas = stanzas;
        Mac = mac;
        MacInput = macInput;
    }

    public IReadOnlyList<AgeStanza> Stanzas { get; }

    public byte[] Mac { get; }

    public byte[] MacInput { get; }

    /// <summary>
    /// Reads the header from <paramref name="input"/>, leaving the stream positioned at the payload.
    /// Reads one byte at a time, so pass a buffered stream.
    /// </summary>
    public static async Task<AgeHeader> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var consumed = new MemoryStream();
        var version = await ReadLineAsync(input, consumed, cancellationToken);
        if (!string.Equals(version, VersionLine, StringComparison.Ordinal))
        {
            throw new AgeDecryptionException("not an age v1 file (missing 'age-encryption.org/v1' line)");
        }

        var stanzas = new List<AgeStanza>();
        var line = await ReadLineAsync(input, consumed, cancellationToken);
        while (line.StartsWith("-> ", StringComparison.Ordinal))
        {
            var fields = line[3..].Split(' ');
            if (fields.Any(f => f.Length == 0))
            {
                throw new AgeDecryptionException("age header: malformed stanza line");
            }

            var body = new MemoryStream();
            while (true)
            {
                var bodyLine = await ReadLineAsync(input, consumed, cancellationToken);
                if (bodyLine.Length > BodyLineColumns)
                {
                    throw new AgeDecryptionException("age header: stanza body line longer than 64 columns");
                }

                body.Write(AgeBase64.Decode(bodyLine, "stanza body"));
                if (bodyLine.Length < BodyLineColumns)
                {
                    break;
                }
            }

            stanzas.Add(new AgeStanza(fields[0], fields[1..], body.ToArray()));
            line = await ReadLineAsync(input, consumed, cancellationToken);
        }

        if (!line.StartsWith("--- ", StringComparison.Ordinal) || stanzas.Count == 0)
        {
            throw new AgeDecryptionException("age header: expected a recipient stanza or the '---' MAC line");
        }

        var all = consumed.ToArray();
        var macLineStart = all.Length - line.Length - 1;
        var macInput = all.AsSpan(0, macLineStart + 3).ToArray();
        var mac = AgeBase64.Decode(line[4..], "header MAC");
        if (mac.Length != 32)
        {
            throw new AgeDecryptionException("age header: MAC must be 32 bytes");
        }

        return new AgeHeader(stanzas, mac, macInput);
    }

    private static async Task<string> ReadLineAsync(Stream input, MemoryStream consumed, CancellationToken cancellationToken)
    {
        var start = consumed.Length;
        var one = new byte[1];
        while (true)
        {
            if (await input.ReadAsync(one, cancellationToken) == 0)
            {
                throw new AgeDecryptionException("age header is truncated");
            }

            consumed.WriteByte(one[0]);
            if (consumed.Length > MaxHeaderBytes)
            {
                throw new AgeDecryptionException("age header is too large");
            }

            if (one[0] == (byte)'\n')
            {
                var lineBytes = consumed.GetBuffer().AsSpan((int)start, (int)(consumed.Length - start - 1));
                if (lineBytes.ContainsAnyExceptInRange((byte)0x20, (byte)0x7e))
                {
                    throw new AgeDecryptionException("age header contains a non-printable character");
                }

                return Encoding.ASCII.GetString(lineBytes);
            }
        }
    }
}
