namespace ImagePipeline.Sources.Http;

/// <summary>
/// URLs as they may appear in logs and errors: no user-info, no query string (redirect targets
/// are often pre-signed URLs whose query is a credential).
/// </summary>
public static class UrlDisplay
{
    public static Uri Strip(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return url;
        }

        var builder = new UriBuilder(url) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty };
        return builder.Uri;
    }

    public static string Safe(Uri url) =>
        url.IsAbsoluteUri && url.Query.Length > 1 ? Strip(url) + "?***" : Strip(url).ToString();
}
