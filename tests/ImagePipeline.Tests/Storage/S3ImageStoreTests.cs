using Amazon.S3.Model;
using ImagePipeline.Credentials;
using ImagePipeline.Storage;
using ImagePipeline.Storage.S3;
using ImagePipeline.Testing;
using Checksum = ImagePipeline.Verification.Checksum;
using Serilog.Core;

namespace ImagePipeline.Tests.Storage;

/// <summary>The store contract against a real Ceph RGW, one fresh bucket per test, 5 MiB parts.</summary>
[Collection(RgwGroup.Name)]
public sealed class S3ImageStoreTests : ImageStoreContract
{
    private readonly RgwFixture _rgw;
    private RgwBucket? _bucket;

    public S3ImageStoreTests(RgwFixture rgw)
    {
        _rgw = rgw;
    }

    private RgwBucket Bucket => _bucket ?? throw new InvalidOperationException("bucket not created");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_bucket is not null)
        {
            await _bucket.DisposeAsync();
        }
    }

    protected override async Task<IImageStore> CreateStoreAsync(IProgress<UploadProgress> progress)
    {
        _bucket = await RgwBucket.CreateAsync(_rgw);
        return new S3ImageStore(_bucket.Credentials, SmallParts(progress), Logger.None);
    }

    protected override async Task<Checksum> HashStoredObjectAsync(string key)
    {
        using var response = await Bucket.Client.GetObjectAsync(Bucket.Name, key);
        return await RandomFile.HashAsync(response.ResponseStream);
    }

    protected override Task LeaveIncompleteUploadAsync(string key) =>
        Bucket.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = Bucket.Name, Key = key });

    [Fact]
    public async Task Staged_CancelledMidway_AbortsTheMultipartUpload()
    {
        var (path, digest) = await NewFileAsync(MultipartFileSize);
        using var cancellation = new CancellationTokenSource();
        Progress.Arm("images/x.raw", cancellation.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => UploadAsync("images/x.raw", path, digest, cancellation.Token));

        Assert.Equal(0, await Bucket.CountIncompleteUploadsAsync());
    }

    [Fact]
    public async Task Staged_PartsLeaveWhileBytesStream_BeforeCommit()
    {
        var (path, digest) = await NewFileAsync(MultipartFileSize);
        await using var upload = await Store.BeginUploadAsync("images/streamed.raw", digest, default);

        await WriteFileAsync(upload, path);
        await upload.FlushAsync(default);

        var uploads = await Bucket.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket.Name });
        var pending = Assert.Single(uploads.MultipartUploads);
        var parts = await Bucket.Client.ListPartsAsync(new ListPartsRequest { BucketName = Bucket.Name, Key = pending.Key, UploadId = pending.UploadId });
        Assert.Equal(3, parts.Parts.Count);
        Assert.Equal(MultipartFileSize, parts.Parts.Sum(p => p.Size ?? 0));
        await upload.CommitAsync(digest, default);
        Assert.Equal(0, await Bucket.CountIncompleteUploadsAsync());
    }

    [Fact]
    public async Task Upload_DigestIsUserMetadataNotETag()
    {
        var (path, digest) = await NewFileAsync(MultipartFileSize);

        await UploadAsync("images/x.raw", path, digest);

        var head = await Bucket.Client.GetObjectMetadataAsync(Bucket.Name, "images/x.raw");
        Assert.Equal(digest.ToString(), head.Metadata["x-amz-meta-checksum"]);
        Assert.Contains("-3", head.ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_SmallerThanOnePart_IsOnePutWithTheDigest()
    {
        var (path, digest) = await NewFileAsync(1000);

        await UploadAsync("images/small.raw", path, digest);

        var head = await Bucket.Client.GetObjectMetadataAsync(Bucket.Name, "images/small.raw");
        Assert.Equal(digest.ToString(), head.Metadata["x-amz-meta-checksum"]);
        Assert.DoesNotContain("-", head.ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MissingBucket_FailsNamingTheBucket()
    {
        var credentials = Bucket.Credentials with { Bucket = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8] };
        using var store = new S3ImageStore(credentials, new S3StoreOptions(), Logger.None);

        var error = await Assert.ThrowsAsync<StoreException>(() => store.CheckAsync(default));

        Assert.False(error.IsRetryable);
        Assert.Contains($"bucket '{credentials.Bucket}' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_MissingBucket_ThrowsPermanentErrorNamingBucket()
    {
        var credentials = Bucket.Credentials with { Bucket = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8] };
        using var store = new S3ImageStore(credentials, SmallParts(Progress), Logger.None);
        var (path, digest) = await NewFileAsync(MultipartFileSize);
        await using var upload = await store.BeginUploadAsync("images/x.raw", digest, default);

        var error = await Assert.ThrowsAsync<StoreException>(() => WriteFileAsync(upload, path));

        Assert.False(error.IsRetryable);
        Assert.Contains($"bucket '{credentials.Bucket}' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Equal("images/x.raw", error.Key);
    }

    [Fact]
    public async Task List_MissingBucket_ThrowsPermanentError()
    {
        using var store = new S3ImageStore(Bucket.Credentials with { Bucket = "no-such-bucket-list" }, new S3StoreOptions(), Logger.None);

        var error = await Assert.ThrowsAsync<StoreException>(async () =>
        {
            await foreach (var unused in store.ListAsync("images/", default))
            {
            }
        });

        Assert.False(error.IsRetryable);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stat_WrongSecretKey_ThrowsAccessDeniedWithoutTheSecret()
    {
        var credentials = Bucket.Credentials with { SecretKey = "wrong-secret-value-123" };
        using var store = new S3ImageStore(credentials, new S3StoreOptions(), Logger.None);

        var error = await Assert.ThrowsAsync<StoreException>(() => store.ReadMetadataAsync("metadata/x.json", default));

        Assert.False(error.IsRetryable);
        Assert.Contains("access denied", error.Message, StringComparison.Ordinal);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-value-123", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_UnreachableEndpoint_ThrowsRetryableNetworkError()
    {
        var credentials = new StoreCredentials("a", "b", new Uri("http://127.0.0.1:9"), "bucket");
        using var store = new S3ImageStore(credentials, new S3StoreOptions { LowSpeed = new(1024, TimeSpan.FromSeconds(5)) }, Logger.None);

        var error = await Assert.ThrowsAsync<StoreException>(() => store.StatAsync("images/x.raw", default));

        Assert.True(error.IsRetryable);
        Assert.Contains("127.0.0.1:9", error.Message, StringComparison.Ordinal);
    }

    private static S3StoreOptions SmallParts(IProgress<UploadProgress> progress) => new()
    {
        PartSize = S3StoreOptions.MinimumPartSize,
        // Two in flight and three parts: a cancellation on the first finished part always
        // catches the third before it starts, so the cancellation test is deterministic.
        MaxConcurrentParts = 2,
        Progress = progress,
    };
}
