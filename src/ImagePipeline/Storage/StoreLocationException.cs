namespace ImagePipeline.Storage;

/// <summary>A store location (<c>--store</c>) is neither <c>s3</c>, a directory nor a local <c>file:///</c> URL: the user must fix it.</summary>
public sealed class StoreLocationException(string value, string reason)
    : ImagePipelineException($"--store '{value}' is not valid: {reason}.")
{
    /// <summary>The value as given.</summary>
    public string Value { get; } = value;
}
