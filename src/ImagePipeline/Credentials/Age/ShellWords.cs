using System.Text;

namespace ImagePipeline.Credentials.Age;

/// <summary>
/// Splits a command line into words like a POSIX shell's quoting, without running a shell (what
/// sops does with <c>SOPS_AGE_KEY_CMD</c>): blanks separate words, '…' is literal, "…" keeps
/// blanks and honours \" \\ \$ \`, and a backslash outside quotes escapes the next character.
/// </summary>
internal static class ShellWords
{
    public static IReadOnlyList<string> Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            switch (c)
            {
                case ' ' or '\t' or '\n':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    continue;
                case '\'':
                    var end = command.IndexOf('\'', i + 1);
                    if (end < 0)
                    {
                        throw new FormatException("unterminated single quote");
                    }

                    word.Append(command, i + 1, end - i - 1);
                    i = end;
                    break;
                case '"':
                    i = ReadDoubleQuoted(command, i + 1, word);
                    break;
                case '\\' when i + 1 < command.Length:
                    word.Append(command[++i]);
                    break;
                default:
                    word.Append(c);
                    break;
            }

            inWord = true;
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Appends the double-quoted text starting at <paramref name="start"/>; returns the closing quote's index.</summary>
    private static int ReadDoubleQuoted(string command, int start, StringBuilder word)
    {
        for (var i = start; i < command.Length; i++)
        {
            var c = command[i];
            if (c == '"')
            {
                return i;
            }

            if (c == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$' or '`')
            {
                c = command[++i];
            }

            word.Append(c);
        }

        throw new FormatException("unterminated double quote");
    }
}
