using ImagePipeline.Storage;

namespace ImagePipeline.Tests.Storage;

public sealed class StoreKeyTests
{
    [Theory]
    [InlineData("images/talos/1.9.1/metal-amd64.raw")]
    [InlineData("metadata/a.raw.json")]
    [InlineData("x")]
    public void Validate_WellFormed_ReturnsKey(string key) => Assert.Equal(key, StoreKey.Validate(key));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("/images/x", "relative")]
    [InlineData("images/../x", "'..'")]
    [InlineData("images/./x", "'.'")]
    [InlineData("images/.x.tmp-1", "'.x.tmp-1'")]
    [InlineData("images//x", "empty path segment")]
    [InlineData("images/", "empty path segment")]
    [InlineData("images\\x", "backslash")]
    public void Validate_Malformed_ThrowsSayingWhy(string key, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => StoreKey.Validate(key));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("images/")]
    [InlineData("images/ta")]
    public void ValidatePrefix_EmptyOrTrailingSlash_IsAllowed(string prefix) => Assert.Equal(prefix, StoreKey.ValidatePrefix(prefix));
}
