using System.Text;
using ImagePipeline.Credentials.Age;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Credentials.Age;

/// <summary>
/// Armor written by the real <c>age -a</c>, then edited the ways C2SP CCTV's armor_* vectors are:
/// what age accepts decrypts, everything else fails as bad armor.
/// </summary>
public sealed class AgeArmorTests : IDisposable
{
    private readonly TempDirectory temp = new("age-armor");

    public void Dispose() => temp.Dispose();

    public static TheoryData<string> Rejected => new()
    {
        "non-canonical last character", "space after the last line", "space at the start of a line", "tab at the end of a line",
        "short middle line", "long line", "empty line after BEGIN", "empty line before END", "missing END line",
        "garbage before BEGIN", "garbage after END", "padding removed", "lower-case BEGIN line", "spaces inside the BEGIN line",
    };

    public static TheoryData<string> Accepted => new() { "as written", "whitespace around the armor", "CRLF line ends", "no final newline" };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Decrypt_ArmorAgeAccepts_YieldsThePlaintext(string edit)
    {
        var (plaintext, identity, lines) = await ArmoredAsync();

        var decrypted = await AgeCli.DecryptAsync(Join(Edit(lines, edit), edit), identity);

        Assert.Equal(plaintext, decrypted);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Decrypt_ArmorAgeRejects_FailsAsBadArmor(string edit)
    {
        var (_, identity, lines) = await ArmoredAsync();

        var error = await Assert.ThrowsAsync<AgeDecryptionException>(() => AgeCli.DecryptAsync(Join(Edit(lines, edit), edit), identity));

        Assert.StartsWith("invalid age armor: ", error.Message, StringComparison.Ordinal);
        Assert.False(error.NoMatchingIdentity);
    }

    /// <summary>An armored file whose base64 ends in '=' padding (so it has stray bits to set) and has a short last line.</summary>
    private async Task<(byte[] Plaintext, AgeX25519Identity Identity, List<string> Lines)> ArmoredAsync()
    {
        var cli = new AgeCli(temp);
        var (identity, recipient, _) = await cli.GenerateKeyAsync($"key-{Guid.NewGuid():N}.txt");
        for (var size = 200; ; size++)
        {
            var plaintext = Encoding.ASCII.GetBytes(new string('x', size));
            var lines = Encoding.ASCII.GetString(await cli.EncryptAsync(plaintext, armored: true, recipient)).TrimEnd('\n').Split('\n').ToList();
            if (lines[^2].EndsWith('=') && !lines[^2].EndsWith("==", StringComparison.Ordinal) && lines[^2].Length < 60)
            {
                return (plaintext, identity, lines);
            }
        }
    }

    private static List<string> Edit(List<string> original, string edit)
    {
        var lines = new List<string>(original);
        var last = lines.Count - 2;
        switch (edit)
        {
            case "non-canonical last character":
                var data = lines[last].TrimEnd('=');
                var value = Base64Alphabet.IndexOf(data[^1], StringComparison.Ordinal);
                lines[last] = data[..^1] + Base64Alphabet[value ^ 1] + "=";
                break;
            case "space after the last line":
                lines[last] += " ";
                break;
            case "space at the start of a line":
                lines[1] = " " + lines[1][1..];
                break;
            case "tab at the end of a line":
                lines[1] += "\t";
                break;
            case "short middle line":
                lines[1] = lines[1][..^1];
                break;
            case "long line":
                lines[1] += lines[2][0];
                lines[2] = lines[2][1..];
                break;
            case "empty line after BEGIN":
                lines.Insert(1, string.Empty);
                break;
            case "empty line before END":
                lines.Insert(lines.Count - 1, string.Empty);
                break;
            case "missing END line":
                lines.RemoveAt(lines.Count - 1);
                break;
            case "garbage before BEGIN":
                lines.Insert(0, "garbage");
                break;
            case "garbage after END":
                lines.Add("garbage");
                break;
            case "padding removed":
                lines[last] = lines[last].TrimEnd('=');
                break;
            case "lower-case BEGIN line":
                lines[0] = lines[0].ToLowerInvariant();
                break;
            case "spaces inside the BEGIN line":
                lines[0] = "----- BEGIN AGE ENCRYPTED FILE -----";
                break;
        }

        return lines;
    }

    private static byte[] Join(List<string> lines, string edit) => Encoding.ASCII.GetBytes(edit switch
    {
        "whitespace around the armor" => "\n\r   \t\n" + string.Join('\n', lines) + "\n\r   \t\n",
        "CRLF line ends" => string.Join("\r\n", lines) + "\r\n",
        "no final newline" => string.Join('\n', lines),
        _ => string.Join('\n', lines) + "\n",
    });

    private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}
