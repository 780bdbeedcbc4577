namespace ImagePipeline.Storage;

/// <summary>A store operation failed. <see cref="Key"/> names the object when there is one.</summary>
public sealed class StoreException : ImagePipelineException
{
    public StoreException(string message, string? key, bool isRetryable, Exception? innerException = null)
        : base(message, innerException)
    {
        Key = key;
        Retryable = isRetryable;
    }

    public string? Key { get; }

    private bool Retryable { get; }

    public override bool IsRetryable => Retryable;
}
