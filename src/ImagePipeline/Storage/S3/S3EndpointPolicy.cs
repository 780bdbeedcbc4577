namespace ImagePipeline.Storage.S3;

/// <summary>Credentials only travel over TLS: plain <c>http://</c> is allowed for loopback test servers alone.</summary>
public static class S3EndpointPolicy
{
    /// <exception cref="StoreException">The endpoint is not https (or http on a loopback address).</exception>
    public static Uri EnsureAllowed(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
        {
            throw new StoreException($"S3 endpoint '{endpoint}' is not an absolute URL; expected https://host[:port].", key: null, isRetryable: false);
        }

        if (endpoint.UserInfo.Length > 0)
        {
            // Never echo it: the user part is usually an access key and secret.
            throw new StoreException(
                $"S3 endpoint {endpoint.Scheme}://{endpoint.Host} is refused: it carries a user name or password before '@'; "
                + "put the keys in E2_ACCESS_KEY/E2_SECRET_KEY (or the SOPS file) and the endpoint as https://host[:port].",
                key: null, isRetryable: false);
        }

        if (endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback))
        {
            return endpoint;
        }

        var why = endpoint.Scheme == Uri.UriSchemeHttp
            ? "plain http would send the credentials and images unencrypted; use https:// (http:// is accepted only for loopback test servers)"
            : "expected an https:// URL";
        throw new StoreException($"S3 endpoint '{endpoint.GetLeftPart(UriPartial.Authority)}' is refused: {why}.", key: null, isRetryable: false);
    }
}
