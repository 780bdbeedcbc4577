namespace ImagePipeline;

/// <summary>
/// Root of every error the image domain raises on purpose. <see cref="IsRetryable"/> tells a
/// retry policy whether trying the same operation again can succeed (a dropped connection) or
/// cannot (a wrong checksum).
/// </summary>
public abstract class ImagePipelineException : Exception
{
    protected ImagePipelineException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public virtual bool IsRetryable => false;
}
