using System.Text.RegularExpressions;

namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// Which values of a sops file are encrypted: at most one of the suffix / regex options, defaulting to
/// <c>unencrypted_suffix: _unencrypted</c>. Mirrors <c>shouldBeEncrypted</c> in sops's <c>sops.go</c>:
/// a rule matches when any component of the key path matches; comment rules look at the comments seen
/// so far in each enclosing mapping or sequence.
/// </summary>
public sealed record SopsEncryptionRules(
    string? UnencryptedSuffix,
    string? EncryptedSuffix,
    string? UnencryptedRegex,
    string? EncryptedRegex,
    string? UnencryptedCommentRegex,
    string? EncryptedCommentRegex)
{
    public const string DefaultUnencryptedSuffix = "_unencrypted";

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private Regex? unencryptedRegex;
    private Regex? encryptedRegex;
    private Regex? unencryptedCommentRegex;
    private Regex? encryptedCommentRegex;

    /// <summary>True when the value (or comment) at <paramref name="path"/> is stored encrypted.</summary>
    public bool ShouldBeEncrypted(IReadOnlyList<string> path, IReadOnlyList<IReadOnlyList<string>> commentsStack, bool isComment)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(commentsStack);
        var encrypted = true;
        if (!string.IsNullOrEmpty(UnencryptedSuffix) && path.Any(p => p.EndsWith(UnencryptedSuffix, StringComparison.Ordinal)))
        {
            encrypted = false;
        }

        if (!string.IsNullOrEmpty(EncryptedSuffix))
        {
            encrypted = path.Any(p => p.EndsWith(EncryptedSuffix, StringComparison.Ordinal));
        }

        if (!string.IsNullOrEmpty(UnencryptedRegex) && path.Any(Compile(ref unencryptedRegex, UnencryptedRegex).IsMatch))
        {
            encrypted = false;
        }

        if (!string.IsNullOrEmpty(EncryptedRegex))
        {
            encrypted = path.Any(Compile(ref encryptedRegex, EncryptedRegex).IsMatch);
        }

        if (!string.IsNullOrEmpty(UnencryptedCommentRegex)
            && commentsStack.SelectMany(c => c).Any(Compile(ref unencryptedCommentRegex, UnencryptedCommentRegex).IsMatch))
        {
            encrypted = false;
        }

        if (!string.IsNullOrEmpty(EncryptedCommentRegex))
        {
            var regex = Compile(ref encryptedCommentRegex, EncryptedCommentRegex);
            encrypted = false;
            for (var i = 0; i < commentsStack.Count && !encrypted; i++)
            {
                for (var j = 0; j < commentsStack[i].Count && !encrypted; j++)
                {
                    // The comment line that matches the regex is itself left in clear text.
                    var isThisComment = isComment && i == commentsStack.Count - 1 && j == commentsStack[i].Count - 1;
                    encrypted = !isThisComment && regex.IsMatch(commentsStack[i][j]);
                }
            }
        }

        return encrypted;
    }

    private static Regex Compile(ref Regex? cache, string pattern) =>
        cache ??= new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeout);
}
