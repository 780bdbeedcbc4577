using ImagePipeline.Storage.S3;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using ImagePipeline.Storage;

namespace ImagePipeline.Tests.Storage;

public sealed class S3ErrorMappingTests
{
    private static readonly Uri Endpoint = new("https://s3.example.com");

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError", true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "SlowDown", true)]
    [InlineData(HttpStatusCode.TooManyRequests, "TooManyRequests", true)]
    [InlineData(HttpStatusCode.BadRequest, "RequestTimeout", true)]
    [InlineData(HttpStatusCode.BadRequest, "InvalidArgument", false)]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied", false)]
    [InlineData(HttpStatusCode.NotFound, "NoSuchBucket", false)]
    public void ToStoreException_ServiceError_SetsRetryableByStatusAndCode(HttpStatusCode status, string code, bool retryable)
    {
        var error = S3ErrorMapping.ToStoreException(ServiceError(status, code), "upload", "images", "images/x.raw", Endpoint);

        Assert.Equal(retryable, error.IsRetryable);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("s3://images/images/x.raw", error.Message, StringComparison.Ordinal);
        Assert.Equal("images/x.raw", error.Key);
    }

    [Fact]
    public void ToStoreException_NoSuchBucket_SaysTheBucketIsMissing()
    {
        var error = S3ErrorMapping.ToStoreException(ServiceError(HttpStatusCode.NotFound, "NoSuchBucket"), "list", "lab-images", null, Endpoint);

        Assert.Contains("bucket 'lab-images' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("s3.example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStoreException_AccessDenied_PointsAtCredentials()
    {
        var error = S3ErrorMapping.ToStoreException(ServiceError(HttpStatusCode.Forbidden, "SignatureDoesNotMatch"), "stat", "images", "k", Endpoint);

        Assert.Contains("access denied", error.Message, StringComparison.Ordinal);
        Assert.Contains("secret key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStoreException_NetworkFailureWrappedBySdk_IsRetryable()
    {
        var network = new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));

        var error = S3ErrorMapping.ToStoreException(new AmazonServiceException("request failed", network), "upload", "images", "k", Endpoint);

        Assert.True(error.IsRetryable);
        Assert.Contains("network error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStoreException_TimeoutNotFromCaller_IsRetryable() =>
        Assert.True(S3ErrorMapping.ToStoreException(new TaskCanceledException("timeout", new TimeoutException()), "upload", "b", "k", Endpoint).IsRetryable);

    private static AmazonS3Exception ServiceError(HttpStatusCode status, string code) =>
        new($"{code} message", ErrorType.Sender, code, "request-1", status);
}
