using ImagePipeline.Credentials.Sops;

namespace ImagePipeline.Tests.Credentials.Sops;

/// <summary>sops's shouldBeEncrypted: any path component decides, one rule per file.</summary>
public sealed class SopsEncryptionRulesTests
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> NoComments = [[]];

    [Theory]
    [InlineData(new[] { "password" }, true)]
    [InlineData(new[] { "nested_unencrypted", "this", "all" }, false)]
    [InlineData(new[] { "list_unencrypted" }, false)]
    public void ShouldBeEncrypted_DefaultSuffix_LeavesSuffixedSubtreesClear(string[] path, bool expected)
    {
        var rules = new SopsEncryptionRules(SopsEncryptionRules.DefaultUnencryptedSuffix, null, null, null, null, null);

        Assert.Equal(expected, rules.ShouldBeEncrypted(path, NoComments, isComment: false));
    }

    [Theory]
    [InlineData(new[] { "access_key" }, true)]
    [InlineData(new[] { "endpoint" }, false)]
    [InlineData(new[] { "secret_key_backup" }, false)]
    public void ShouldBeEncrypted_EncryptedRegex_EncryptsOnlyMatches(string[] path, bool expected)
    {
        var rules = new SopsEncryptionRules(null, null, null, "^(access_key|secret_key)$", null, null);

        Assert.Equal(expected, rules.ShouldBeEncrypted(path, NoComments, isComment: false));
    }

    [Theory]
    [InlineData(new[] { "db_encrypted", "user" }, true)]
    [InlineData(new[] { "db", "user" }, false)]
    public void ShouldBeEncrypted_EncryptedSuffix_EncryptsSuffixedSubtrees(string[] path, bool expected)
    {
        var rules = new SopsEncryptionRules(null, "_encrypted", null, null, null, null);

        Assert.Equal(expected, rules.ShouldBeEncrypted(path, NoComments, isComment: false));
    }

    [Fact]
    public void ShouldBeEncrypted_UnencryptedRegex_LeavesMatchesClear()
    {
        var rules = new SopsEncryptionRules(null, null, "^public", null, null, null);

        Assert.False(rules.ShouldBeEncrypted(["public_url"], NoComments, isComment: false));
        Assert.True(rules.ShouldBeEncrypted(["token"], NoComments, isComment: false));
    }

    [Fact]
    public void ShouldBeEncrypted_EncryptedCommentRegex_EncryptsValuesAfterMarkerButNotTheMarker()
    {
        var rules = new SopsEncryptionRules(null, null, null, null, null, "sops:enc");

        Assert.True(rules.ShouldBeEncrypted(["token"], [["sops:enc"]], isComment: false));
        Assert.False(rules.ShouldBeEncrypted([], [["sops:enc"]], isComment: true));
        Assert.False(rules.ShouldBeEncrypted(["other"], NoComments, isComment: false));
    }
}
