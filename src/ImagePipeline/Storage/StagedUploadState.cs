using System.Runtime.ExceptionServices;
using ImagePipeline.Verification;

namespace ImagePipeline.Storage;

/// <summary>
/// The life cycle every <see cref="IStagedUpload"/> shares: open → committed or aborted, and the first
/// failure, which every later call rethrows. Thread-safe: background part uploads record failures.
/// </summary>
internal sealed class StagedUploadState(string key, Checksum digest)
{
    private readonly Lock _gate = new();
    private ExceptionDispatchInfo? _failure;

    public string Key { get; } = key;

    public Checksum Digest { get; } = digest;

    public bool IsCommitted { get; private set; }

    public bool IsAborted { get; private set; }

    public bool IsOpen => !IsCommitted && !IsAborted;

    /// <summary>Records the first failure; later ones are consequences.</summary>
    public void Fail(Exception exception)
    {
        lock (_gate)
        {
            _failure ??= ExceptionDispatchInfo.Capture(exception);
        }
    }

    /// <summary>Throws when the upload failed, was aborted or is already committed.</summary>
    public void ThrowIfNotWritable()
    {
        _failure?.Throw();
        if (!IsOpen)
        {
            throw new InvalidOperationException($"The upload of '{Key}' is already {(IsCommitted ? "committed" : "aborted")}.");
        }
    }

    /// <summary>Refuses to commit bytes that hash to anything but the declared digest.</summary>
    public void EnsureDigest(Checksum actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        if (actual != Digest)
        {
            throw new StoreException(
                $"Refusing to publish '{Key}': the bytes written hash to {actual}, not to the declared {Digest}; nothing was published.",
                Key, isRetryable: false);
        }
    }

    public void MarkCommitted() => IsCommitted = true;

    /// <summary>Returns false when already finished (abort is idempotent).</summary>
    public bool TryMarkAborted()
    {
        lock (_gate)
        {
            if (!IsOpen)
            {
                return false;
            }

            IsAborted = true;
            return true;
        }
    }
}
