using ImagePipeline.Storage.S3;
using Amazon.S3;
using Amazon.S3.Model;
using ImagePipeline.Credentials;
using ImagePipeline.Storage;

namespace ImagePipeline.Testing;

/// <summary>A fresh bucket on the test RGW, emptied (objects and incomplete uploads) and removed on dispose.</summary>
public sealed class RgwBucket : IAsyncDisposable
{
    private RgwBucket(AmazonS3Client client, StoreCredentials credentials)
    {
        Client = client;
        Credentials = credentials;
    }

    public AmazonS3Client Client { get; }

    public StoreCredentials Credentials { get; }

    public string Name => Credentials.Bucket;

    public static async Task<RgwBucket> CreateAsync(RgwFixture rgw)
    {
        var credentials = new StoreCredentials(rgw.AccessKey, rgw.SecretKey, rgw.Endpoint, "test-" + Guid.NewGuid().ToString("N")[..16]);
        var client = S3ImageStore.CreateClient(credentials, new S3StoreOptions());
        await client.PutBucketAsync(credentials.Bucket);
        return new RgwBucket(client, credentials);
    }

    public async Task<int> CountIncompleteUploadsAsync() =>
        (await Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Name })).MultipartUploads?.Count ?? 0;

    public async ValueTask DisposeAsync()
    {
        var uploads = await Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Name });
        foreach (var upload in uploads.MultipartUploads ?? [])
        {
            await Client.AbortMultipartUploadAsync(Name, upload.Key, upload.UploadId);
        }

        var objects = await Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Name });
        foreach (var entry in objects.S3Objects ?? [])
        {
            await Client.DeleteObjectAsync(Name, entry.Key);
        }

        await Client.DeleteBucketAsync(Name);
        Client.Dispose();
    }
}
