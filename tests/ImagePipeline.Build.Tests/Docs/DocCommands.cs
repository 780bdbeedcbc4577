using System.Text;
using System.Text.RegularExpressions;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Docs;

/// <summary>
/// The shell commands of README.md and docs/*.md: every line of the fenced <c>sh</c>/<c>bash</c> blocks and every inline
/// code span that is a command, cut at <c>&amp;&amp;</c>, <c>||</c>, <c>|</c> and <c>;</c> into single commands. A block
/// preceded by an HTML comment starting with <c>&lt;!-- runnable</c> is one that tests run as written.
/// </summary>
internal static partial class DocCommands
{
    /// <summary>Every Markdown file a user reads (docs/reference.md is generated from the build and holds no commands).</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "README.md",
        .. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md")
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path))
            .Where(path => path != Path.Combine("docs", "reference.md"))
            .Order(StringComparer.Ordinal),
    ];

    public static IEnumerable<DocBlock> Blocks() => Files.SelectMany(BlocksOf);

    /// <summary>Single commands (no pipes or lists), from blocks and inline spans, with where they were found.</summary>
    public static IEnumerable<(string Where, string Command)> Commands() =>
        Files.SelectMany(file =>
            BlocksOf(file).SelectMany(block => block.Lines.Select(line => (Where: $"{file}:{block.Line}", line)))
                .Concat(InlineSpans(file).Select(span => (Where: file, span)))
                .SelectMany(found => Split(found.Item2).Select(command => (found.Where, command))));

    /// <summary>A line's single commands: comments dropped, cut at the shell's list and pipe operators (outside quotes).</summary>
    public static IEnumerable<string> Split(string line)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                break;
            }

            if (c is '"' or '\'')
            {
                quote = quote == c ? null : quote ?? c;
            }

            if (quote is null && (c is ';' or '|' || (c == '&' && i + 1 < line.Length && line[i + 1] == '&')))
            {
                parts.Add(current.ToString());
                current.Clear();
                i += i + 1 < line.Length && line[i + 1] is '|' or '&' ? 1 : 0;
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        return parts.Select(part => part.Trim()).Where(part => part.Length > 0);
    }

    /// <summary>Words as the shell splits them: whitespace outside quotes, quotes removed, redirections dropped.</summary>
    public static IReadOnlyList<string> Words(string command)
    {
        var words = new List<string>();
        var target = false;
        foreach (Match match in Word().Matches(command))
        {
            var word = match.Value;
            if (target || Redirection().IsMatch(word))
            {
                // "2>/dev/null" is one word; "> file" is two.
                target = !target && Redirection().Match(word).Length == word.Length;
                continue;
            }

            words.Add(word.Replace("\"", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal));
        }

        return words;
    }

    private static IEnumerable<DocBlock> BlocksOf(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, file));
        for (var i = 0; i < lines.Length; i++)
        {
            if (Fence().Match(lines[i]) is not { Success: true } fence)
            {
                continue;
            }

            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }

            if (fence.Groups[1].Value is "sh" or "bash" or "shell")
            {
                var before = lines.Take(start).LastOrDefault(line => line.Trim().Length > 0) ?? string.Empty;
                yield return new DocBlock(file, start + 1, before.TrimStart().StartsWith("<!-- runnable", StringComparison.Ordinal), Joined(body));
            }
        }
    }

    /// <summary>Lines ending in a backslash continue on the next one.</summary>
    private static List<string> Joined(List<string> lines)
    {
        var joined = new List<string>();
        var pending = string.Empty;
        foreach (var line in lines)
        {
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            joined.Add(pending + line);
            pending = string.Empty;
        }

        return [.. joined.Where(line => line.Trim().Length > 0)];
    }

    /// <summary>Inline code spans outside fenced blocks that start with a command the docs tell people to run.</summary>
    private static IEnumerable<string> InlineSpans(string file)
    {
        var text = FencedBlock().Replace(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)), string.Empty);
        return InlineCommand().Matches(text).Select(match => Whitespace().Replace(match.Groups[1].Value, " "));
    }

    [GeneratedRegex(@"^```(\w*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"(?ms)^```.*?^```[ \t]*$")]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"`((?:\./build\.sh|sops)\b[^`]*)`")]
    private static partial Regex InlineCommand();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?:[^\s""']+|""[^""]*""|'[^']*')+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[0-9]*(?:>>|[<>])&?")]
    private static partial Regex Redirection();
}
