namespace ImagePipeline.Engine.Tests;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("Verify", "verify", 0)]
    [InlineData("", "abc", 3)]
    public void Distance_IsCaseInsensitiveLevenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
    }

    [Fact]
    public void DidYouMean_NearNames_ListsClosestFirst()
    {
        Assert.Equal(" Did you mean Verify, Verity?", Suggestions.DidYouMean("Verfy", ["Sync", "Verity", "Verify", "Acquire"]));
    }

    [Fact]
    public void DidYouMean_NothingClose_IsEmpty()
    {
        Assert.Equal(string.Empty, Suggestions.DidYouMean("Upload", ["Sync", "Verify"]));
    }
}
