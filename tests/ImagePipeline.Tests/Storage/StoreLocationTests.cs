using ImagePipeline.Storage;

namespace ImagePipeline.Tests.Storage;

public sealed class StoreLocationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s3")]
    [InlineData("S3")]
    public void Parse_DefaultOrS3_IsS3(string? value) => Assert.Equal(StoreLocation.S3, StoreLocation.Parse(value));

    [Theory]
    [InlineData("/mnt/nas/images", "/mnt/nas/images")]
    [InlineData("file:///srv/images", "/srv/images")]
    [InlineData("file://localhost/srv/images", "/srv/images")]
    [InlineData("file:///srv/with%20space", "/srv/with space")]
    public void Parse_PathOrFileUrl_IsDirectory(string value, string directory)
    {
        var location = StoreLocation.Parse(value);

        Assert.Equal(StoreKind.Directory, location.Kind);
        Assert.Equal(directory, location.Directory);
    }

    [Fact]
    public void Parse_RelativePath_ResolvesAgainstWorkingDirectory() =>
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "out", "store"), StoreLocation.Parse("out/store").Directory);

    [Theory]
    [InlineData("s3://bucket/prefix", "s3://")]
    [InlineData("https://example.com", "https://")]
    [InlineData("file://nas/images", "file:///")]
    public void Parse_Unsupported_ThrowsNamingValue(string value, string hint)
    {
        var error = Assert.Throws<StoreLocationException>(() => StoreLocation.Parse(value));

        Assert.Contains($"--store '{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_S3WithoutCredentials_SaysWhatToSet()
    {
        var error = Assert.Throws<StoreException>(() => ImageStoreFactory.Create(StoreLocation.S3, credentials: null, Serilog.Core.Logger.None));

        Assert.Contains("E2_ACCESS_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Directory_IsRetryingFileSystemStore()
    {
        using var store = (RetryingImageStore)ImageStoreFactory.Create(StoreLocation.ForDirectory("/tmp/x"), credentials: null, Serilog.Core.Logger.None);

        Assert.Equal("directory /tmp/x", store.Description);
    }
}
