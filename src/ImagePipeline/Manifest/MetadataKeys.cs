namespace ImagePipeline.Manifest;

/// <summary>Where metadata lives in a store, so that Sync, List and Prune agree on it.</summary>
public static class MetadataKeys
{
    public const string Prefix = "metadata/";
    public const string Suffix = ".json";

    public static string For(string destinationPath) => Prefix + destinationPath + Suffix;
}
