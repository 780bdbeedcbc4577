namespace ImagePipeline.Sources.Http;

/// <summary>A redirect pointed at a non-https URL; following it would drop transport security.</summary>
public sealed class InsecureRedirectException : DownloadException
{
    public InsecureRedirectException(Uri from, Uri target)
        : base($"refused redirect from {UrlDisplay.Safe(from)} to non-https URL {UrlDisplay.Safe(target)}: only https is allowed at every hop",
            UrlDisplay.Strip(from), statusCode: null, isRetryable: false)
    {
        Target = UrlDisplay.Strip(target);
    }

    /// <summary>Where the redirect pointed (without query string).</summary>
    public Uri Target { get; }
}
