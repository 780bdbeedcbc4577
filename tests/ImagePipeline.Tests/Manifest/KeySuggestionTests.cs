using ImagePipeline.Manifest;

namespace ImagePipeline.Tests.Manifest;

public sealed class KeySuggestionTests
{
    [Theory]
    [InlineData("chekcsum", "checksum")]
    [InlineData("Checksum", "checksum")]
    [InlineData("decompres", "decompress")]
    [InlineData("artefact", "artifact")]
    [InlineData("variable", "variables")]
    public void Nearest_Typo_FindsIntendedKey(string typo, string expected)
    {
        Assert.Equal(expected, KeySuggestion.Nearest(typo, ManifestVocabulary.AllSourceKeys));
    }

    [Fact]
    public void Nearest_NothingClose_ReturnsNull()
    {
        Assert.Null(KeySuggestion.Nearest("mirror", ManifestVocabulary.AllSourceKeys));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abc", "", 3)]
    public void Distance_KnownPairs_AreLevenshtein(string a, string b, int distance)
    {
        Assert.Equal(distance, KeySuggestion.Distance(a, b));
    }
}
