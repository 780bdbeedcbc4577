using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using YamlDotNet.Core;

namespace ImagePipeline.Manifest;

/// <summary>
/// Turns manifest bytes into text: UTF-8 only. Each invalid byte sequence is a located error (a
/// non-UTF-8 path would otherwise be published as U+FFFD); the text decoded with replacements is
/// still read so the other errors are reported too.
/// </summary>
internal static class ManifestText
{
    private const int MaxReported = 10;

    public static string Decode(ReadOnlySpan<byte> bytes, ManifestErrorList errors)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        var offset = 0;
        var reported = 0;
        var rest = bytes;
        Span<char> scratch = stackalloc char[1024];
        while (!rest.IsEmpty && reported < MaxReported)
        {
            var status = Utf8.ToUtf16(rest, scratch, out var read, out _, replaceInvalidSequences: false);
            if (status == OperationStatus.InvalidData)
            {
                var at = offset + read;
                var (line, column) = Locate(bytes, at);
                errors.Add(FieldScope.Root, "", $"byte 0x{bytes[at].ToString("X2", CultureInfo.InvariantCulture)} is not valid UTF-8; save the manifest as UTF-8",
                    new Mark(at, line, column));
                reported++;
                read++;
            }

            offset += read;
            rest = rest[read..];
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static (int Line, int Column) Locate(ReadOnlySpan<byte> bytes, int at)
    {
        var before = bytes[..at];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (before.Count((byte)'\n') + 1, column);
    }
}
