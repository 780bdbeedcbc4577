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

    /// <summary>Writes an object directly (past the store), e.g. a broken metadata document.</summary>
    public Task PutAsync(string key, byte[] bytes) =>
        Client.PutObjectAsync(new PutObjectRequest { BucketName = Name, Key = key, InputStream = new MemoryStream(bytes) });

    /// <summary>An object's bytes read directly, or null when it does not exist.</summary>
    public async Task<byte[]?> GetAsync(string key)
    {
        try
        {
            using var response = await Client.GetObjectAsync(Name, key);
            using var bytes = new MemoryStream();
            await response.ResponseStream.CopyToAsync(bytes);
            return bytes.ToArray();
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
        {
            return null;
        }
    }

    /// <summary>Every key in the bucket, in order.</summary>
    public async Task<List<string>> KeysAsync()
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = Name };
        ListObjectsV2Response page;
        do
        {
            page = await Client.ListObjectsV2Async(request);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        return keys;
    }

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
