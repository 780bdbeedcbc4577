namespace ImagePipeline.Credentials.Age;

/// <summary>
/// An age file could not be decrypted. <see cref="NoMatchingIdentity"/> is true when the file is well
/// formed but none of the given identities is one of its recipients (the caller may try another key).
/// </summary>
public sealed class AgeDecryptionException : CredentialsException
{
    public AgeDecryptionException(string message, bool noMatchingIdentity = false, Exception? innerException = null)
        : base(message, innerException: innerException)
    {
        NoMatchingIdentity = noMatchingIdentity;
    }

    public bool NoMatchingIdentity { get; }
}
