using System.Text;
using ImagePipeline.Metadata;
using ImagePipeline.Verification;

namespace ImagePipeline.Tests.Metadata;

public sealed class ImageMetadataJsonTests
{
    private static readonly ImageMetadata Sample = new()
    {
        Name = "talos-1.9.1",
        DestinationPrefix = "images/",
        Checksum = Checksum.Parse("sha256:" + new string('a', 64)),
        Size = 1234,
        UploadedAt = new DateTimeOffset(2025, 1, 31, 14, 0, 0, TimeSpan.FromHours(2)),
        Source = new MetadataSource { Type = "http", Url = "https://example.org/talos.raw.xz" },
        SourceChecksum = Checksum.Parse("sha512:" + new string('c', 128)),
        ToolVersion = "0.1.0",
    };

    [Fact]
    public void Serialize_Sample_IsCamelCaseIndentedInDeclarationOrderWithUtcTimestamp()
    {
        var json = ImageMetadataJson.SerializeToString(Sample);

        var expected = """
            {
              "name": "talos-1.9.1",
              "destinationPrefix": "images/",
              "checksum": "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
              "size": 1234,
              "uploadedAt": "2025-01-31T12:00:00Z",
              "source": {
                "type": "http",
                "url": "https://example.org/talos.raw.xz"
              },
              "sourceChecksum": "sha512:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
              "toolVersion": "0.1.0"
            }
            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Serialize_FractionalSeconds_KeepsThemInUtc()
    {
        var json = ImageMetadataJson.SerializeToString(Sample with { UploadedAt = new DateTimeOffset(2025, 1, 31, 12, 0, 0, 250, TimeSpan.Zero) });

        Assert.Contains("\"uploadedAt\": \"2025-01-31T12:00:00.25Z\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_Serialized_RoundTripsAsUtc()
    {
        var read = ImageMetadataJson.Deserialize(ImageMetadataJson.Serialize(Sample), "metadata/x.json");

        Assert.Equal(Sample with { Source = read.Source }, read);
        Assert.Equal(Sample.Source, read.Source);
        Assert.Equal(TimeSpan.Zero, read.UploadedAt.Offset);
    }

    [Fact]
    public void Deserialize_UnknownProperty_IsIgnored()
    {
        var json = ImageMetadataJson.SerializeToString(Sample).Replace("\"name\"", "\"futureField\": 1,\n  \"name\"", StringComparison.Ordinal);

        Assert.Equal("talos-1.9.1", ImageMetadataJson.Deserialize(Encoding.UTF8.GetBytes(json), "metadata/x.json").Name);
    }

    [Fact]
    public void Deserialize_MissingChecksum_ThrowsNamingKey()
    {
        var json = """{ "name": "x", "size": 1, "uploadedAt": "2025-01-31T12:00:00Z", "source": { "type": "http" }, "toolVersion": "1" }""";

        var error = Assert.Throws<InvalidMetadataException>(() => ImageMetadataJson.Deserialize(Encoding.UTF8.GetBytes(json), "metadata/x.json"));

        Assert.Equal("metadata/x.json", error.Key);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_BadTimestamp_ThrowsInvalidMetadata()
    {
        var json = ImageMetadataJson.SerializeToString(Sample).Replace("2025-01-31T12:00:00Z", "yesterday", StringComparison.Ordinal);

        Assert.Throws<InvalidMetadataException>(() => ImageMetadataJson.Deserialize(Encoding.UTF8.GetBytes(json), "metadata/x.json"));
    }

    [Fact]
    public async Task DeserializeAsync_Null_ThrowsInvalidMetadata()
    {
        using var stream = new MemoryStream("null"u8.ToArray());

        await Assert.ThrowsAsync<InvalidMetadataException>(() => ImageMetadataJson.DeserializeAsync(stream, "metadata/x.json", default));
    }

    [Theory]
    [InlineData("\"checksum\": \"md5:abc\"")]
    [InlineData("\"checksum\": \"sha256:xyz\"")]
    [InlineData("\"checksum\": 42")]
    [InlineData("\"checksum\": null")]
    public void Deserialize_ChecksumThatIsNoDigest_ThrowsInvalidMetadata(string replacement)
    {
        var json = ImageMetadataJson.SerializeToString(Sample).Replace("\"checksum\": \"sha256:" + new string('a', 64) + "\"", replacement, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidMetadataException>(() => ImageMetadataJson.Deserialize(Encoding.UTF8.GetBytes(json), "metadata/x.json"));

        Assert.Equal("metadata/x.json", error.Key);
    }

    [Fact]
    public void Deserialize_UppercaseDigest_IsNormalised()
    {
        var json = ImageMetadataJson.SerializeToString(Sample).Replace(new string('a', 64), new string('A', 64), StringComparison.Ordinal);

        Assert.Equal(Sample.Checksum, ImageMetadataJson.Deserialize(Encoding.UTF8.GetBytes(json), "metadata/x.json").Checksum);
    }

    [Fact]
    public void Deserialize_DocumentWithoutPrefix_BelongsToImages()
    {
        var json = ImageMetadataJson.SerializeToString(Sample with { DestinationPrefix = null });

        var read = ImageMetadataJson.Deserialize(Encoding.UTF8.GetBytes(json), "metadata/x.json");

        Assert.DoesNotContain("destinationPrefix", json, StringComparison.Ordinal);
        Assert.Equal("images/", read.OwnerPrefix());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json at all")]
    public async Task DeserializeAsync_EmptyOrBroken_ThrowsInvalidMetadataNamingKey(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var error = await Assert.ThrowsAsync<InvalidMetadataException>(() => ImageMetadataJson.DeserializeAsync(stream, "metadata/x.json", default));

        Assert.Contains("metadata/x.json", error.Message, StringComparison.Ordinal);
    }
}
