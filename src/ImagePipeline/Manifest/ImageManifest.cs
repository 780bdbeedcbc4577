namespace ImagePipeline.Manifest;

/// <summary>
/// A validated <c>kind: ImageManifest</c>. Instances only come out of the manifest loader, so every
/// rule of the manifest reference already holds: names are unique, keys are unique, checksums parse.
/// </summary>
/// <param name="Name">metadata.name.</param>
/// <param name="FilePath">Absolute path of the manifest file.</param>
/// <param name="RootDirectory">Absolute repository root; relative source paths resolve against it.</param>
/// <param name="DestinationPrefix">spec.defaults.destinationPrefix, relative and ending with '/'.</param>
/// <param name="Images">The images, in manifest order.</param>
public sealed record ImageManifest(
    string Name,
    string FilePath,
    string RootDirectory,
    string DestinationPrefix,
    IReadOnlyList<ImageDefinition> Images)
{
    public const string ApiVersion = "images.lab.gilman.io/v1alpha1";
    public const string Kind = "ImageManifest";

    public ImageDefinition? Find(string name) => Images.FirstOrDefault(i => i.Name == name);
}
