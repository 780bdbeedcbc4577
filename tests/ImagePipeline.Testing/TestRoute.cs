namespace ImagePipeline.Testing;

/// <summary>
/// How <see cref="HttpsTestServer"/> answers one path. Faults apply to the first requests and
/// then stop, so a client that retries eventually succeeds. Every request is recorded.
/// </summary>
public sealed class TestRoute
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>The body served (with Content-Length).</summary>
    public byte[] Content { get; init; } = [];

    /// <summary>Content-Type of the body; none when null.</summary>
    public string? ContentType { get; init; }

    /// <summary>Answer this status with no body instead (e.g. 404).</summary>
    public int? Status { get; init; }

    /// <summary>Advertise <c>Accept-Ranges: bytes</c> and honour Range / If-Range.</summary>
    public bool AcceptRanges { get; init; } = true;

    /// <summary>Strong ETag sent with the body; If-Range is compared with it.</summary>
    public string? ETag { get; set; } = "\"v1\"";

    /// <summary>When set, the ETag changes to this once the first body response has started (the file was replaced).</summary>
    public string? ETagAfterFirstResponse { get; init; }

    /// <summary>The first N requests answer <see cref="FailureStatus"/>.</summary>
    public int FailuresBeforeSuccess { get; init; }

    public int FailureStatus { get; init; } = 500;

    /// <summary>Retry-After seconds sent with failure responses.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Body faults (truncate, reset, stall) apply to this many successful responses.</summary>
    public int FaultyResponses { get; init; } = 1;

    /// <summary>Send this many body bytes, then abort the connection.</summary>
    public long? TruncateAfter { get; init; }

    /// <summary>Send this many body bytes, then reset the TCP connection (RST).</summary>
    public long? ResetAfter { get; init; }

    /// <summary>Send this many body bytes, then send nothing for <see cref="StallDuration"/>, then abort.</summary>
    public long? StallAfter { get; init; }

    public TimeSpan StallDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Send this many body bytes, then one byte every <see cref="TrickleInterval"/>.</summary>
    public long? TrickleAfter { get; init; }

    public TimeSpan TrickleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Answer with a redirect to this URL.</summary>
    public Uri? RedirectTo { get; init; }

    public int RedirectStatus { get; init; } = 302;

    /// <summary>Answer HEAD with 405.</summary>
    public bool RefuseHead { get; init; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public int RequestCount => Requests.Count;

    /// <summary>Records a request and returns its 1-based number.</summary>
    internal int Record(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
            return _requests.Count;
        }
    }
}
