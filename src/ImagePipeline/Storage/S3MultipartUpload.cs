using Amazon.S3;
using Amazon.S3.Model;
using Serilog;

namespace ImagePipeline.Storage;

/// <summary>
/// One multipart upload of a local file: initiate, upload parts concurrently straight from the file
/// (each part request reads its own byte range; nothing is buffered whole), complete. Any failure or
/// cancellation before completion aborts the upload, so no incomplete upload (and no billed parts) is
/// left behind. Once every part is in, completion is not cancelled: the object is whole either way.
/// </summary>
internal sealed class S3MultipartUpload
{
    private static readonly TimeSpan AbortTimeout = TimeSpan.FromSeconds(60);

    private readonly IAmazonS3 _client;
    private readonly string _bucket;
    private readonly string _key;
    private readonly string _localPath;
    private readonly long _length;
    private readonly string _digest;
    private readonly S3StoreOptions _options;
    private readonly ILogger _logger;
    private long _uploaded;

    public S3MultipartUpload(IAmazonS3 client, string bucket, string key, string localPath, long length, string digest, S3StoreOptions options, ILogger logger)
    {
        _client = client;
        _bucket = bucket;
        _key = key;
        _localPath = localPath;
        _length = length;
        _digest = digest;
        _options = options;
        _logger = logger;
    }

    /// <summary>Part size for this file: the configured one, raised if the file would need more than 10,000 parts.</summary>
    public static long PartSizeFor(long length, long configured) =>
        Math.Max(configured, (length + S3StoreOptions.MaximumPartCount - 1) / S3StoreOptions.MaximumPartCount);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var initiate = new InitiateMultipartUploadRequest { BucketName = _bucket, Key = _key, ContentType = "application/octet-stream" };
        initiate.Metadata[S3ImageStore.DigestMetadataName] = _digest;
        var uploadId = (await _client.InitiateMultipartUploadAsync(initiate, cancellationToken)).UploadId;
        try
        {
            var parts = await UploadPartsAsync(uploadId, cancellationToken);
            await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket,
                Key = _key,
                UploadId = uploadId,
                PartETags = [.. parts],
            }, CancellationToken.None);
        }
        catch
        {
            await AbortAsync(uploadId);
            throw;
        }
    }

    private async Task<PartETag[]> UploadPartsAsync(string uploadId, CancellationToken cancellationToken)
    {
        var partSize = PartSizeFor(_length, _options.PartSize);
        var count = (int)((_length + partSize - 1) / partSize);
        var parts = new PartETag[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentParts, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(1, count), parallel, async (number, token) =>
        {
            var position = (number - 1) * partSize;
            var size = Math.Min(partSize, _length - position);
            var response = await _client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = _bucket,
                Key = _key,
                UploadId = uploadId,
                PartNumber = number,
                FilePath = _localPath,
                FilePosition = position,
                PartSize = size,
                IsLastPart = number == count,
            }, token);
            parts[number - 1] = new PartETag(number, response.ETag);
            _options.Progress?.Report(new UploadProgress(_key, Interlocked.Add(ref _uploaded, size), _length));
        });
        return parts;
    }

    private async Task AbortAsync(string uploadId)
    {
        using var timeout = new CancellationTokenSource(AbortTimeout);
        try
        {
            await _client.AbortMultipartUploadAsync(_bucket, _key, uploadId, timeout.Token);
            _logger.Debug("Aborted multipart upload {UploadId} of {Key}", uploadId, _key);
        }
        catch (Exception e) when (e is AmazonS3Exception or HttpRequestException or IOException or OperationCanceledException)
        {
            // The original failure matters more; Prune's AbortIncompleteUploads sweeps what is left.
            _logger.Warning("Could not abort multipart upload {UploadId} of s3://{Bucket}/{Key}: {Error}", uploadId, _bucket, _key, e.Message);
        }
    }
}
