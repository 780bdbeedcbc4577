namespace ImagePipeline.Credentials;

/// <summary>
/// Credentials could not be resolved or a credentials file could not be decrypted. Messages name the
/// file and the key path; they never contain a secret value.
/// </summary>
public class CredentialsException : ImagePipelineException
{
    public CredentialsException(string message, string? filePath = null, string? keyPath = null, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
        KeyPath = keyPath;
    }

    /// <summary>The credentials or key file concerned, when there is one.</summary>
    public string? FilePath { get; }

    /// <summary>The dotted key path inside the file (e.g. <c>app2.db.password</c>), when there is one.</summary>
    public string? KeyPath { get; }
}
