namespace ImagePipeline.Credentials;

/// <summary>
/// No source provided credentials at all. The message says what to set; the CLI maps it to exit code 2.
/// </summary>
public sealed class CredentialsMissingException : CredentialsException
{
    public CredentialsMissingException(string message)
        : base(message)
    {
    }
}
