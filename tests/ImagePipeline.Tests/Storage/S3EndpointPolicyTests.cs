using ImagePipeline.Storage.S3;
using ImagePipeline.Credentials;
using ImagePipeline.Storage;
using Serilog.Core;

namespace ImagePipeline.Tests.Storage;

public sealed class S3EndpointPolicyTests
{
    [Theory]
    [InlineData("https://s3.us-west-1.idrivee2.com")]
    [InlineData("http://127.0.0.1:7480")]
    [InlineData("http://localhost:9000")]
    [InlineData("http://[::1]:7480")]
    public void EnsureAllowed_HttpsOrLoopbackHttp_Accepts(string endpoint) =>
        Assert.Equal(new Uri(endpoint), S3EndpointPolicy.EnsureAllowed(new Uri(endpoint)));

    [Theory]
    [InlineData("http://s3.example.com")]
    [InlineData("http://192.168.1.10:9000")]
    [InlineData("ftp://s3.example.com")]
    public void EnsureAllowed_NonLoopbackPlainOrOtherScheme_Refuses(string endpoint)
    {
        var error = Assert.Throws<StoreException>(() => S3EndpointPolicy.EnsureAllowed(new Uri(endpoint)));

        Assert.False(error.IsRetryable);
        Assert.Contains("https://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PlainHttpRemoteEndpoint_RefusesWithoutLeakingKeys()
    {
        var credentials = new StoreCredentials("AKIDEXAMPLE", "super-secret-key", new Uri("http://s3.example.com"), "images");

        var error = Assert.Throws<StoreException>(() => new S3ImageStore(credentials, new S3StoreOptions(), Logger.None));

        Assert.Contains("http://s3.example.com", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("super-secret-key", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AKIDEXAMPLE", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PartSizeBelowS3Minimum_Throws()
    {
        var credentials = new StoreCredentials("a", "b", new Uri("https://s3.example.com"), "images");

        Assert.Throws<ArgumentOutOfRangeException>(() => new S3ImageStore(credentials, new S3StoreOptions { PartSize = 1024 }, Logger.None));
    }
}
