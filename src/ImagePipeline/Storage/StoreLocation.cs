namespace ImagePipeline.Storage;

/// <summary>
/// A parsed <c>--store</c> value: <c>s3</c> (the default; bucket and endpoint come from the credentials),
/// a directory path (absolute or relative to the working directory), or <c>file:///abs/path</c>.
/// </summary>
public sealed record StoreLocation
{
    private StoreLocation(StoreKind kind, string? directory)
    {
        Kind = kind;
        Directory = directory;
    }

    public static StoreLocation S3 { get; } = new(StoreKind.S3, null);

    public StoreKind Kind { get; }

    /// <summary>Absolute directory for <see cref="StoreKind.Directory"/>; null for S3.</summary>
    public string? Directory { get; }

    public static StoreLocation ForDirectory(string path) => new(StoreKind.Directory, System.IO.Path.GetFullPath(path));

    /// <exception cref="StoreLocationException">The value is neither <c>s3</c>, a path nor a <c>file:///</c> URL.</exception>
    public static StoreLocation Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Equals("s3", StringComparison.OrdinalIgnoreCase))
        {
            return S3;
        }

        if (value.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !uri.IsFile || !(uri.Host.Length == 0 || uri.IsLoopback))
            {
                throw Invalid(value, "a file URL must be absolute and local, e.g. file:///srv/images");
            }

            return ForDirectory(Uri.UnescapeDataString(uri.AbsolutePath));
        }

        var colon = value.IndexOf("://", StringComparison.Ordinal);
        if (colon > 0)
        {
            throw Invalid(value, $"'{value[..colon]}://' is not supported; use 's3' (bucket and endpoint come from the credentials) or a directory");
        }

        return ForDirectory(value);
    }

    public override string ToString() => Kind == StoreKind.S3 ? "s3" : Directory!;

    private static StoreLocationException Invalid(string value, string reason) => new(value, reason);
}
