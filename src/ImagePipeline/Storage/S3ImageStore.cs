using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ImagePipeline.Credentials;
using ImagePipeline.Metadata;
using ImagePipeline.Verification;
using Serilog;
using Checksum = ImagePipeline.Verification.Checksum;

namespace ImagePipeline.Storage;

/// <summary>
/// An <see cref="IImageStore"/> on any S3-compatible service (iDrive e2, Ceph RGW, AWS). Path-style
/// addressing on a custom endpoint; the SDK's default CRC checksums are switched to WHEN_REQUIRED
/// because S3-compatibles reject them. The digest travels as user metadata <c>x-amz-meta-checksum</c>;
/// ETags are never used as digests. <see cref="ListAsync"/> returns <c>Digest = null</c> (ListObjectsV2
/// carries no user metadata and a HEAD per object would make listing O(n) requests);
/// <see cref="StatAsync"/> returns it. Files above <see cref="S3StoreOptions.MultipartThreshold"/> go
/// multipart (see <see cref="S3MultipartUpload"/>).
/// </summary>
public sealed class S3ImageStore : IImageStore, IDisposable
{
    /// <summary>User metadata name of the digest (sent as <c>x-amz-meta-checksum</c>).</summary>
    public const string DigestMetadataName = "checksum";

    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly Uri _endpoint;
    private readonly S3StoreOptions _options;
    private readonly ILogger _logger;

    public S3ImageStore(StoreCredentials credentials, S3StoreOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _client = CreateClient(credentials, options);
        _bucket = credentials.Bucket;
        _endpoint = credentials.Endpoint;
        _options = options;
        _logger = logger.ForContext<S3ImageStore>();
    }

    public string Description => $"s3://{_bucket} at {_endpoint.GetLeftPart(UriPartial.Authority)}";

    /// <summary>The SDK client exactly as the store configures it (tests use it to create buckets).</summary>
    public static AmazonS3Client CreateClient(StoreCredentials credentials, S3StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = S3EndpointPolicy.EnsureAllowed(credentials.Endpoint);
        var config = new AmazonS3Config
        {
            ServiceURL = endpoint.GetLeftPart(UriPartial.Authority),
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = options.RequestTimeout,
        };
        return new AmazonS3Client(new BasicAWSCredentials(credentials.AccessKey, credentials.SecretKey), config);
    }

    public async Task UploadAsync(string key, string localPath, Checksum digest, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        ArgumentNullException.ThrowIfNull(digest);
        var length = LocalFileLength(key, localPath);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await GuardAsync("upload", key, async () =>
        {
            if (length > _options.MultipartThreshold)
            {
                var upload = new S3MultipartUpload(_client, _bucket, key, localPath, length, digest.ToString(), _options, _logger);
                await upload.RunAsync(cancellationToken);
                return;
            }

            var request = new PutObjectRequest
            {
                BucketName = _bucket,
                Key = key,
                FilePath = localPath,
                ContentType = "application/octet-stream",
            };
            request.Metadata[DigestMetadataName] = digest.ToString();
            await _client.PutObjectAsync(request, cancellationToken);
            _options.Progress?.Report(new UploadProgress(key, length, length));
        }, cancellationToken);
        _logger.Debug("Uploaded {Key} ({Size} bytes, {Digest}) to {Store} in {Elapsed}", key, length, digest, Description, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    public Task<StoredObject?> StatAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        return GuardAsync<StoredObject?>("stat", key, async () =>
        {
            GetObjectMetadataResponse response;
            try
            {
                response = await _client.GetObjectMetadataAsync(_bucket, key, cancellationToken);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // HEAD has no error body, so a missing bucket also lands here; every write and list names it.
                return null;
            }

            var digest = Checksum.TryParse(response.Metadata[DigestMetadataName], out var recorded) ? recorded : null;
            return new StoredObject(key, response.ContentLength, ToUtc(response.LastModified), digest);
        }, cancellationToken);
    }

    public Task<ImageMetadata?> ReadMetadataAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        return GuardAsync<ImageMetadata?>("read metadata", key, async () =>
        {
            GetObjectResponse response;
            try
            {
                response = await _client.GetObjectAsync(_bucket, key, cancellationToken);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
            {
                return null;
            }

            using (response)
            {
                return await ImageMetadataJson.DeserializeAsync(response.ResponseStream, key, cancellationToken);
            }
        }, cancellationToken);
    }

    public Task WriteMetadataAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        ArgumentNullException.ThrowIfNull(metadata);
        return GuardAsync("write metadata", key, async () =>
        {
            using var body = new MemoryStream(ImageMetadataJson.Serialize(metadata), writable: false);
            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _bucket,
                Key = key,
                InputStream = body,
                ContentType = ImageMetadataJson.ContentType,
            }, cancellationToken);
        }, cancellationToken);
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StoreKey.ValidatePrefix(prefix);
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix };
        while (true)
        {
            var page = await GuardAsync("list", prefix.Length == 0 ? null : prefix, () => _client.ListObjectsV2Async(request, cancellationToken), cancellationToken);
            foreach (var entry in page.S3Objects ?? [])
            {
                yield return new StoredObject(entry.Key, entry.Size ?? 0, ToUtc(entry.LastModified), Digest: null);
            }

            if (page.IsTruncated != true)
            {
                yield break;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        // S3 answers 204 for a missing key, so deleting nothing is already a no-op; a missing bucket is an error.
        return GuardAsync("delete", key, () => _client.DeleteObjectAsync(_bucket, key, cancellationToken), cancellationToken);
    }

    public async Task<int> AbortIncompleteUploadsAsync(string prefix, TimeSpan olderThan, CancellationToken cancellationToken)
    {
        StoreKey.ValidatePrefix(prefix);
        var cutoff = DateTime.UtcNow - olderThan;
        var aborted = 0;
        var request = new ListMultipartUploadsRequest { BucketName = _bucket, Prefix = prefix };
        while (true)
        {
            var page = await GuardAsync("list multipart uploads", prefix, () => _client.ListMultipartUploadsAsync(request, cancellationToken), cancellationToken);
            foreach (var upload in page.MultipartUploads ?? [])
            {
                if (upload.Initiated is { } initiated && initiated.ToUniversalTime() <= cutoff)
                {
                    await GuardAsync("abort multipart upload", upload.Key, () => _client.AbortMultipartUploadAsync(_bucket, upload.Key, upload.UploadId, cancellationToken), cancellationToken);
                    _logger.Information("Aborted incomplete upload of {Key} started {Initiated:u} in {Store}", upload.Key, initiated.ToUniversalTime(), Description);
                    aborted++;
                }
            }

            if (page.IsTruncated != true)
            {
                return aborted;
            }

            request.KeyMarker = page.NextKeyMarker;
            request.UploadIdMarker = page.NextUploadIdMarker;
        }
    }

    public void Dispose() => _client.Dispose();

    private static DateTimeOffset ToUtc(DateTime? value) =>
        value is { } time ? new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue;

    private static long LocalFileLength(string key, string localPath)
    {
        var file = new FileInfo(localPath);
        return file.Exists
            ? file.Length
            : throw new StoreException($"Cannot upload '{key}': local file '{localPath}' does not exist.", key, isRetryable: false);
    }

    private async Task GuardAsync(string operation, string? key, Func<Task> action, CancellationToken cancellationToken) =>
        await GuardAsync<object?>(operation, key, async () =>
        {
            await action();
            return null;
        }, cancellationToken);

    private async Task<T> GuardAsync<T>(string operation, string? key, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or OperationCanceledException)
        {
            throw S3ErrorMapping.ToStoreException(e, operation, _bucket, key, _endpoint);
        }
    }
}
