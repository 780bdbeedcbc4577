using ImagePipeline.Storage.S3;
using Amazon.S3;
using Amazon.S3.Model;
using ImagePipeline.Credentials;
using ImagePipeline.Storage;
using ImagePipeline.Testing;

namespace ImagePipeline.Benchmarks;

/// <summary>
/// The Ceph RGW the S3 cases talk to. Unless RGW_ENDPOINT/RGW_ACCESS_KEY/RGW_SECRET_KEY name one,
/// the benchmark starts its own with <c>scripts/rgw.sh</c> on other ports and another state
/// directory than the tests' default, so it neither stops nor fills a gateway someone else is using,
/// and stops it again at the end.
/// </summary>
internal sealed class BenchmarkRgw : IDisposable
{
    private readonly RgwFixture _fixture;

    public BenchmarkRgw()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("RGW_ENDPOINT")))
        {
            Environment.SetEnvironmentVariable("RGW_STATE_DIR", Path.Combine(Path.GetTempPath(), "imagepipeline-bench-rgw"));
            Environment.SetEnvironmentVariable("RGW_PORT", "7490");
            Environment.SetEnvironmentVariable("RGW_MON_PORT", "3310");
        }

        Console.WriteLine("  starting or reusing RGW (scripts/rgw.sh)…");
        _fixture = new RgwFixture();
    }

    public Uri Endpoint => _fixture.Endpoint;

    public string AccessKey => _fixture.AccessKey;

    public string SecretKey => _fixture.SecretKey;

    public StoreCredentials Credentials(string bucket) => new(AccessKey, SecretKey, Endpoint, bucket);

    public async Task CreateBucketAsync(string bucket)
    {
        using var client = S3ImageStore.CreateClient(Credentials(bucket), new S3StoreOptions());
        try
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Left by an earlier run: reused.
        }
    }

    public void Dispose() => _fixture.Dispose();
}
