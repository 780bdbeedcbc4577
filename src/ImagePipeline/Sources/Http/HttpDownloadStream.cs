using System.Net;
using System.Net.Http.Headers;
using ImagePipeline.IO;
using Serilog;

namespace ImagePipeline.Sources.Http;

/// <summary>
/// The body of an https URL as a read-only stream that survives failures: a failed try (connection
/// error, stall, truncated body, 408/429/5xx) is retried after a backoff, resuming with
/// <c>Range</c> + <c>If-Range</c> when the server advertised byte ranges and a validator. When it
/// cannot resume it starts again at byte 0 and throws <see cref="SourceRestartException"/> once, so
/// the consumer resets what it computed; the next read then returns byte 0. After
/// <see cref="AcquireOptions.MaxAttempts"/> failed tries the last error is thrown.
/// </summary>
internal sealed class HttpDownloadStream(
    HttpsRedirectFollower sender, Uri url, string imageName, AcquireOptions options, ILogger logger) : ReadOnlyStream
{
    private HttpResponseMessage? _response;
    private LowSpeedWatchdog? _watchdog;
    private Stream? _body;
    private long _position;
    private string? _etag;
    private DateTimeOffset? _lastModified;
    private bool _acceptsRanges;
    private int _failures;

    /// <summary>The media type of the last response (text/html from a login or captive portal explains a mismatch).</summary>
    public string? MediaType { get; private set; }

    /// <summary>Total size of the body once a response announced it.</summary>
    public long? ContentLength { get; private set; }

    /// <summary>Requests sent so far (redirect hops not counted).</summary>
    public int Requests { get; private set; }

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            // One watchdog per try: it measures the try's average rate, headers included.
            _watchdog ??= new LowSpeedWatchdog(options.LowSpeed, CancellationToken.None);
            _watchdog.Resume();
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _watchdog.Token);
            try
            {
                if (_body is null)
                {
                    await ConnectAsync(stall.Token);
                }

                var count = await _body!.ReadAsync(buffer, stall.Token);
                _watchdog.Add(count);
                if (count == 0 && ContentLength is { } length && _position < length)
                {
                    throw new IOException($"the body ended after {_position} of {length} bytes");
                }

                _position += count;
                _watchdog.Suspend();
                return count;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && HttpFailure.IsAttemptFailure(ex))
            {
                var failure = HttpFailure.From(ex, url, imageName, options.LowSpeed, _watchdog.Fired);
                CloseResponse();
                _failures++;
                if (!failure.IsRetryable || _failures >= options.MaxAttempts)
                {
                    throw failure;
                }

                var delay = RetryDelay.Next(_failures, failure.RetryAfter, options);
                logger.Warning(
                    "{Image}: try {Try} of {MaxTries} failed at byte {Position}: {Error}; retrying in {Delay:0.0} s",
                    imageName, _failures, options.MaxAttempts, _position, failure.Message, delay.TotalSeconds);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseResponse();
        }

        base.Dispose(disposing);
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var resume = _position > 0 && _acceptsRanges && (_etag is not null || _lastModified is not null);
        Requests++;
        var (response, responseUrl) = await sender.SendAsync(HttpMethod.Get, url, request =>
        {
            if (resume)
            {
                request.Headers.Range = new RangeHeaderValue(_position, null);
                request.Headers.IfRange = _etag is not null
                    ? new RangeConditionHeaderValue(new EntityTagHeaderValue(_etag))
                    : new RangeConditionHeaderValue(_lastModified!.Value);
            }
        }, cancellationToken);

        try
        {
            if (response.StatusCode == HttpStatusCode.PartialContent && resume)
            {
                AcceptPartial(response, responseUrl);
            }
            else if (response.StatusCode == HttpStatusCode.OK)
            {
                AcceptFull(response, resume);
            }
            else
            {
                throw HttpFailure.FromStatus(response, responseUrl, imageName);
            }
        }
        catch (SourceRestartException)
        {
            throw;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private void AcceptPartial(HttpResponseMessage response, Uri responseUrl)
    {
        var range = response.Content.Headers.ContentRange;
        if (range?.From != _position)
        {
            // Not the bytes we asked for: never splice them in; the next try starts from zero.
            _acceptsRanges = false;
            throw new DownloadException(
                $"{imageName}: {UrlDisplay.Safe(responseUrl)} resumed at byte {range?.From} instead of {_position}",
                UrlDisplay.Strip(responseUrl), 206, isRetryable: true);
        }

        ContentLength = range.Length ?? ContentLength;
        logger.Information("{Image}: resumed at byte {Position}", imageName, _position);
        Open(response);
    }

    private void AcceptFull(HttpResponseMessage response, bool resume)
    {
        _acceptsRanges = response.Headers.AcceptRanges.Contains("bytes", StringComparer.OrdinalIgnoreCase);
        _etag = response.Headers.ETag is { IsWeak: false } etag ? etag.Tag : null;
        _lastModified = response.Content.Headers.LastModified;
        ContentLength = response.Content.Headers.ContentLength;
        var restarted = _position > 0;
        _position = 0;
        Open(response);
        if (restarted)
        {
            throw new SourceRestartException(resume
                ? "the server sent the whole file instead of the rest (the file changed, or it ignored the range)"
                : "the server does not support resuming (no Accept-Ranges: bytes or no validator)");
        }
    }

    private void Open(HttpResponseMessage response)
    {
        _response = response;
        MediaType = response.Content.Headers.ContentType?.MediaType;
        _body = response.Content.ReadAsStream();
    }

    private void CloseResponse()
    {
        _watchdog?.Dispose();
        _watchdog = null;
        _body?.Dispose();
        _response?.Dispose();
        _body = null;
        _response = null;
    }
}
