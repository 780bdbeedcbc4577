namespace ImagePipeline.Credentials;

/// <summary>
/// S3 credentials. <see cref="ToString"/> masks the keys so that logging or formatting an instance
/// never prints a secret.
/// </summary>
public sealed record StoreCredentials(string AccessKey, string SecretKey, Uri Endpoint, string Bucket)
{
    public override string ToString() => $"StoreCredentials {{ AccessKey = ***, SecretKey = ***, Endpoint = {Endpoint}, Bucket = {Bucket} }}";
}
