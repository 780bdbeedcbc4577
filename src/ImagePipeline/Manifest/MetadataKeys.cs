namespace ImagePipeline.Manifest;

/// <summary>Where metadata lives in a store, so that Sync, List and Prune agree on it.</summary>
public static class MetadataKeys
{
    public const string Prefix = "metadata/";
    public const string Suffix = ".json";

    public static string For(string destinationPath) => Prefix + destinationPath + Suffix;

    /// <summary>The metadata key of a stored image object published under <paramref name="destinationPrefix"/>.</summary>
    public static string ForObject(string objectKey, string destinationPrefix) =>
        For(objectKey.StartsWith(destinationPrefix, StringComparison.Ordinal) ? objectKey[destinationPrefix.Length..] : objectKey);
}
