using Amazon.S3.Model;
using ImagePipeline.IO;
using ImagePipeline.Verification;
using Serilog;
using Checksum = ImagePipeline.Verification.Checksum;

namespace ImagePipeline.Storage.S3;

/// <summary>
/// A staged write to S3. Bytes fill a part buffer; each full part leaves at once (a bounded number in
/// flight, each retried from memory with <see cref="S3StoreOptions.PartRetry"/> and watched for low
/// speed), inside a multipart upload created — with the declared digest as <c>x-amz-meta-checksum</c> —
/// when the first part is full. Only <see cref="CommitAsync"/> completes it; an object that never
/// filled a part goes up as one PutObject at commit. Abort cancels parts in flight and aborts the
/// multipart upload, so no incomplete upload (and no billed part) is left behind unless the process dies,
/// in which case <see cref="S3ImageStore.AbortIncompleteUploadsAsync"/> sweeps it.
/// </summary>
internal sealed class S3StagedUpload : IStagedUpload
{
    private static readonly TimeSpan AbortTimeout = TimeSpan.FromSeconds(60);

    private readonly S3Requests _s3;
    private readonly StagedUploadState _state;
    private readonly ILogger _logger;
    private readonly int _partSize;
    private readonly SemaphoreSlim _slots;
    private readonly PartBuffers _buffers;
    private readonly CancellationTokenSource _abort = new();
    private readonly List<Task> _inFlight = [];
    private readonly List<PartETag> _parts = [];
    private string? _uploadId;
    private byte[]? _buffer;
    private int _filled;
    private int _nextPart = 1;
    private long _stored;
    private bool _completed;

    public S3StagedUpload(S3Requests s3, StagedUploadState state, ILogger logger)
    {
        _s3 = s3;
        _state = state;
        _logger = logger;
        _partSize = (int)s3.Options.PartSize;
        _slots = new SemaphoreSlim(s3.Options.MaxConcurrentParts);
        _buffers = new PartBuffers(_partSize);
    }

    public string Key => _state.Key;

    public Checksum Digest => _state.Digest;

    public long Length { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        _state.ThrowIfNotWritable();
        if (_completed)
        {
            throw new InvalidOperationException($"The upload of '{Key}' is complete; nothing more can be written.");
        }

        while (!data.IsEmpty)
        {
            _buffer ??= _buffers.Take();
            var count = Math.Min(data.Length, _partSize - _filled);
            data[..count].CopyTo(_buffer.AsMemory(_filled));
            _filled += count;
            Length += count;
            data = data[count..];
            if (_filled == _partSize)
            {
                await SendBufferAsync(cancellationToken);
            }
        }
    }

    /// <summary>Sends what is buffered as the last part (when the upload is multipart) and waits for every part.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        _state.ThrowIfNotWritable();
        if (!_completed && _uploadId is not null && _filled > 0)
        {
            await SendBufferAsync(cancellationToken);
        }

        _completed = true;
        await WaitForPartsAsync(cancellationToken);
    }

    public async Task CommitAsync(Checksum digest, CancellationToken cancellationToken)
    {
        try
        {
            _state.ThrowIfNotWritable();
            _state.EnsureDigest(digest);
            await FlushAsync(cancellationToken);
            if (_uploadId is null)
            {
                await PutWholeObjectAsync(cancellationToken);
            }
            else
            {
                // Once every part is in, completion is not cancelled: the object is whole either way.
                var parts = _parts.OrderBy(p => p.PartNumber).ToList();
                // Assembling a large object may take a while and sends nothing back until it is done.
                using var completion = new LowSpeedWatchdog(new LowSpeedLimit(1, _s3.Options.RequestTimeout), CancellationToken.None);
                await _s3.SendAsync("complete upload", Key, ct => _s3.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
                {
                    BucketName = _s3.Bucket,
                    Key = Key,
                    UploadId = _uploadId,
                    PartETags = parts,
                }, ct), watchdog: completion, CancellationToken.None);
            }

            _state.MarkCommitted();
            ReturnBuffer();
        }
        catch
        {
            await AbortAsync();
            throw;
        }
    }

    public async Task AbortAsync()
    {
        if (!_state.TryMarkAborted())
        {
            return;
        }

        await _abort.CancelAsync();
        try
        {
            await Task.WhenAll(_inFlight);
        }
#pragma warning disable CA1031 // Parts failing because of the abort are expected; their errors are already recorded.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        ReturnBuffer();
        if (_uploadId is not null)
        {
            await AbortMultipartUploadAsync(_uploadId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await AbortAsync();
        _abort.Dispose();
        _slots.Dispose();
    }

    private async Task SendBufferAsync(CancellationToken cancellationToken)
    {
        _uploadId ??= await InitiateAsync(cancellationToken);
        await _slots.WaitAsync(cancellationToken);
        _state.ThrowIfNotWritable();
        var (number, buffer, length) = (_nextPart++, _buffer!, _filled);
        _buffer = null;
        _filled = 0;
        _inFlight.Add(Task.Run(() => UploadPartAsync(number, buffer, length), CancellationToken.None));
    }

    private Task<string> InitiateAsync(CancellationToken cancellationToken) =>
        _s3.Options.PartRetry.RunAsync(_s3.Description, "start upload", Key, async ct =>
        {
            var request = new InitiateMultipartUploadRequest { BucketName = _s3.Bucket, Key = Key, ContentType = "application/octet-stream" };
            request.Metadata[S3ImageStore.DigestMetadataName] = Digest.ToString();
            var response = await _s3.SendAsync("start upload", Key, token => _s3.Client.InitiateMultipartUploadAsync(request, token), ct);
            return response.UploadId;
        }, cancellationToken);

    private async Task UploadPartAsync(int number, byte[] buffer, int length)
    {
        try
        {
            var etag = await _s3.Options.PartRetry.RunAsync(_s3.Description, $"upload of part {number}", Key, async ct =>
            {
                using var watchdog = new LowSpeedWatchdog(_s3.Options.LowSpeed, ct);
                await using var body = new ProgressReportingStream(buffer, length, watchdog);
                var response = await _s3.SendAsync($"upload of part {number}", Key, token => _s3.Client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _s3.Bucket,
                    Key = Key,
                    UploadId = _uploadId,
                    PartNumber = number,
                    InputStream = body,
                    PartSize = length,
                    // The part is in memory: one digest of it signs the request (aws-chunked signing costs more CPU and RSS).
                    UseChunkEncoding = false,
                }, token), watchdog, ct);
                return response.ETag;
            }, _abort.Token);
            lock (_parts)
            {
                _parts.Add(new PartETag(number, etag));
            }

            _s3.Options.Progress?.Report(new UploadProgress(Key, Interlocked.Add(ref _stored, length)));
        }
#pragma warning disable CA1031 // Recorded and rethrown by the next write, flush or commit.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _state.Fail(e);
        }
        finally
        {
            _buffers.Return(buffer);
            _slots.Release();
        }
    }

    private async Task WaitForPartsAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_inFlight).WaitAsync(cancellationToken);
        _state.ThrowIfNotWritable();
    }

    private async Task PutWholeObjectAsync(CancellationToken cancellationToken)
    {
        var buffer = _buffer ?? [];
        var length = _filled;
        await _s3.Options.PartRetry.RunAsync(_s3.Description, "upload", Key, async ct =>
        {
            using var watchdog = new LowSpeedWatchdog(_s3.Options.LowSpeed, ct);
            await using var body = new ProgressReportingStream(buffer, length, watchdog);
            var request = new PutObjectRequest
            {
                BucketName = _s3.Bucket, Key = Key, InputStream = body, ContentType = "application/octet-stream", AutoCloseStream = false, UseChunkEncoding = false,
            };
            request.Metadata[S3ImageStore.DigestMetadataName] = Digest.ToString();
            await _s3.SendAsync("upload", Key, token => _s3.Client.PutObjectAsync(request, token), watchdog, ct);
        }, cancellationToken);
        _s3.Options.Progress?.Report(new UploadProgress(Key, length));
    }

    private async Task AbortMultipartUploadAsync(string uploadId)
    {
        using var timeout = new CancellationTokenSource(AbortTimeout);
        try
        {
            await _s3.Client.AbortMultipartUploadAsync(_s3.Bucket, Key, uploadId, timeout.Token);
            _logger.Debug("Aborted multipart upload {UploadId} of {Key}", uploadId, Key);
        }
#pragma warning disable CA1031 // The original failure matters more; a later run's AbortIncompleteUploads sweeps what is left.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.Warning("Could not abort the multipart upload of s3://{Bucket}/{Key}: {Error}; a later run removes it", _s3.Bucket, Key, e.Message);
        }
    }

    private void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            _buffers.Return(_buffer);
            _buffer = null;
        }
    }
}
