using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ImagePipeline.Credentials;
using ImagePipeline.IO;
using ImagePipeline.Metadata;
using Serilog;
using Checksum = ImagePipeline.Verification.Checksum;

namespace ImagePipeline.Storage.S3;

/// <summary>
/// An <see cref="IImageStore"/> on any S3-compatible service (iDrive e2, Ceph RGW, AWS). Path-style
/// addressing on a custom endpoint; the SDK's default CRC checksums are switched to WHEN_REQUIRED
/// because S3-compatibles reject them, and its own retries are off (<see cref="RetryPolicy"/> is the one
/// retry layer). The digest travels as user metadata <c>x-amz-meta-checksum</c>; ETags are never used as
/// digests. <see cref="ListAsync"/> returns <c>Digest = null</c> (ListObjectsV2 carries no user metadata
/// and a HEAD per object would make listing O(n) requests); <see cref="StatAsync"/> returns it. Writes
/// are staged multipart uploads (<see cref="S3StagedUpload"/>). Every request is watched for low speed.
/// </summary>
public sealed class S3ImageStore : IImageStore, IDisposable
{
    /// <summary>User metadata name of the digest (sent as <c>x-amz-meta-checksum</c>).</summary>
    public const string DigestMetadataName = "checksum";

    private readonly AmazonS3Client _client;
    private readonly S3Requests _s3;
    private readonly ILogger _logger;

    public S3ImageStore(StoreCredentials credentials, S3StoreOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _client = CreateClient(credentials, options);
        _s3 = new S3Requests(_client, credentials.Bucket, credentials.Endpoint, options);
        _logger = logger.ForContext<S3ImageStore>();
    }

    public string Description => _s3.Description;

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
            MaxErrorRetry = 0,
        };
        return new AmazonS3Client(new BasicAWSCredentials(credentials.AccessKey, credentials.SecretKey), config);
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _s3.SendAsync("listing", null, ct => _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _s3.Bucket, MaxKeys = 1 }, ct), cancellationToken);
        }
        catch (StoreException e) when (!e.IsRetryable)
        {
            throw new StoreException($"The store {Description} cannot be used: {e.Message}", null, isRetryable: false, e);
        }
    }

    public Task<IStagedUpload> BeginUploadAsync(string key, Checksum digest, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        ArgumentNullException.ThrowIfNull(digest);
        return Task.FromResult<IStagedUpload>(new S3StagedUpload(_s3, new StagedUploadState(key, digest), _logger));
    }

    public Task<StoredObject?> StatAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        return _s3.SendAsync<StoredObject?>("stat", key, async ct =>
        {
            GetObjectMetadataResponse response;
            try
            {
                response = await _client.GetObjectMetadataAsync(_s3.Bucket, key, ct);
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

    /// <summary>A GET (ranged from <paramref name="offset"/>) whose body is watched for low speed while it is read.</summary>
    public async Task<Stream?> OpenReadAsync(string key, long offset, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var watchdog = new LowSpeedWatchdog(_s3.Options.LowSpeed, cancellationToken);
        try
        {
            var response = await _s3.SendAsync<GetObjectResponse?>("read", key, async ct =>
            {
                var request = new GetObjectRequest { BucketName = _s3.Bucket, Key = key };
                if (offset > 0)
                {
                    request.ByteRange = new ByteRange($"bytes={offset}-");
                }

                try
                {
                    return await _client.GetObjectAsync(request, ct);
                }
                catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
                {
                    return null;
                }
            }, watchdog, cancellationToken);
            if (response is null)
            {
                watchdog.Dispose();
                return null;
            }

            watchdog.Suspend();
            return new GuardedReadStream(response.ResponseStream, offset, (e, ct) => ReadFault(e, key, watchdog, ct), watchdog, response);
        }
        catch
        {
            watchdog.Dispose();
            throw;
        }
    }

    public Task<ImageMetadata?> ReadMetadataAsync(string key, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        return _s3.SendAsync<ImageMetadata?>("read metadata", key, async ct =>
        {
            GetObjectResponse response;
            try
            {
                response = await _client.GetObjectAsync(_s3.Bucket, key, ct);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
            {
                return null;
            }

            using (response)
            {
                return await ImageMetadataJson.DeserializeAsync(response.ResponseStream, key, ct);
            }
        }, cancellationToken);
    }

    public Task WriteMetadataAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken)
    {
        StoreKey.Validate(key);
        ArgumentNullException.ThrowIfNull(metadata);
        return _s3.SendAsync("write metadata", key, async ct =>
        {
            using var body = new MemoryStream(ImageMetadataJson.Serialize(metadata), writable: false);
            return await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _s3.Bucket,
                Key = key,
                InputStream = body,
                ContentType = ImageMetadataJson.ContentType,
            }, ct);
        }, cancellationToken);
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StoreKey.ValidatePrefix(prefix);
        var request = new ListObjectsV2Request { BucketName = _s3.Bucket, Prefix = prefix };
        while (true)
        {
            var page = await _s3.SendAsync("list", prefix.Length == 0 ? null : prefix, ct => _client.ListObjectsV2Async(request, ct), cancellationToken);
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
        return _s3.SendAsync("delete", key, ct => _client.DeleteObjectAsync(_s3.Bucket, key, ct), cancellationToken);
    }

    public async Task<int> AbortIncompleteUploadsAsync(StagedUploadFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var prefix = StoreKey.ValidatePrefix(filter.Prefix);
        var aborted = 0;
        var request = new ListMultipartUploadsRequest { BucketName = _s3.Bucket, Prefix = prefix };
        while (true)
        {
            var page = await _s3.SendAsync("list multipart uploads", prefix, ct => _client.ListMultipartUploadsAsync(request, ct), cancellationToken);
            foreach (var upload in page.MultipartUploads ?? [])
            {
                if (upload.Initiated is { } initiated && filter.Matches(upload.Key, new DateTimeOffset(initiated.ToUniversalTime(), TimeSpan.Zero)))
                {
                    await _s3.SendAsync("abort multipart upload", upload.Key, ct => _client.AbortMultipartUploadAsync(_s3.Bucket, upload.Key, upload.UploadId, ct), cancellationToken);
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

    /// <summary>A body read that failed: a stall the watchdog caught, or a network fault; both pass (retryable).</summary>
    private StoreException? ReadFault(Exception exception, string key, LowSpeedWatchdog watchdog, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested ? null
        : watchdog.Fired ? new StoreException($"S3 read of s3://{_s3.Bucket}/{key} in {Description} made no progress ({watchdog.Limit}); the read was cancelled.", key, isRetryable: true, exception)
        : exception is IOException or HttpRequestException or AmazonClientException or OperationCanceledException ? S3ErrorMapping.ToStoreException(exception, "read", _s3.Bucket, key, _s3.Endpoint)
        : null;

    private static DateTimeOffset ToUtc(DateTime? value) =>
        value is { } time ? new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue;
}
