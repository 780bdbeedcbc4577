namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// A SOPS file failed authentication: its MAC is missing or does not match, or an encrypted value
/// (or the MAC itself) does not authenticate under its key path. The file was edited outside sops or
/// tampered with; nothing from it may be used.
/// </summary>
public sealed class SopsIntegrityException : CredentialsException
{
    public SopsIntegrityException(string message, string filePath, string? keyPath = null, Exception? innerException = null)
        : base(message, filePath, keyPath, innerException)
    {
    }
}
