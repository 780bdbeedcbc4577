using System.Globalization;
using ImagePipeline.Layout;
using YamlDotNet.RepresentationModel;

namespace ImagePipeline.Manifest;

/// <summary>Reads and checks one entry of <c>spec.images</c>.</summary>
internal static class ImageEntryReader
{
    public static ImageEntry? Read(YamlNode node, int index, ImageReadContext context, ManifestErrorList errors)
    {
        var scope = FieldScope.ForImage(PeekName(node), index);
        var image = YamlMappingReader.From(node, "", scope, errors);
        if (image is null)
        {
            return null;
        }

        var errorsBefore = errors.Errors.Count;
        image.RejectUnknownKeys(ManifestVocabulary.ImageKeys);
        var name = ReadName(image);
        var source = SourceReader.Read(image, scope.Image, context);
        var (destinationPath, objectKey, destinationMark) = ReadDestination(image, context);
        var (algorithm, expected) = ValidationReader.Read(image, scope.Image, source, context);

        var definition = errors.Errors.Count == errorsBefore && name is not null && source.Source is not null
            && destinationPath is not null && objectKey is not null
            ? new ImageDefinition(name, source.Source, destinationPath, objectKey, algorithm, expected, (int)node.Start.Line)
            : null;
        return new ImageEntry(definition, scope, name, image.MarkOf("name"), objectKey, destinationMark);
    }

    /// <summary>The name as written, so errors elsewhere in the entry can already say which image.</summary>
    private static string? PeekName(YamlNode node) =>
        node is YamlMappingNode mapping
        && mapping.Children.TryGetValue(new YamlScalarNode("name"), out var value)
        && value is YamlScalarNode { Value.Length: > 0 } scalar
        && !YamlMappingReader.IsNull(scalar)
            ? scalar.Value
            : null;

    private static string? ReadName(YamlMappingReader image)
    {
        var name = image.Scalar("name", required: true);
        if (name is null || ManifestVocabulary.IsValidName(name))
        {
            return name;
        }

        image.Error("name", name.Length > ManifestVocabulary.MaxNameLength
            ? string.Create(CultureInfo.InvariantCulture, $"must be at most {ManifestVocabulary.MaxNameLength} characters (it names targets and CI jobs), got {name.Length}")
            : $"must contain only lowercase letters, digits, '.' and '-' (it names targets and CI jobs), got '{ManifestLimits.Shown(name)}'");
        return null;
    }

    private static (string? Path, string? ObjectKey, YamlDotNet.Core.Mark Mark) ReadDestination(YamlMappingReader image, ImageReadContext context)
    {
        var destination = image.Mapping("destination", required: true);
        if (destination is null)
        {
            return (null, null, image.MarkOf("destination"));
        }

        destination.RejectUnknownKeys(ManifestVocabulary.DestinationKeys);
        var path = destination.Scalar("path", required: true);
        var mark = destination.MarkOf("path");
        if (path is null)
        {
            return (null, null, mark);
        }

        if (ObjectKeyRules.CheckPath(path) is { } problem)
        {
            destination.Error("path", problem);
            return (null, null, mark);
        }

        var objectKey = context.DestinationPrefix + path;
        if (objectKey.StartsWith(StoreLayout.ImagesRoot, StringComparison.Ordinal)
            && ObjectKeyRules.CheckKeyLength(objectKey, StoreLayout.MetadataKeyFor(objectKey)) is { } tooLong)
        {
            destination.Error("path", tooLong);
            return (null, null, mark);
        }

        if (StoreLayout.CheckDestination(context.DestinationPrefix, path) is { } reserved)
        {
            destination.Error("path", reserved);
            return (path, null, mark);
        }

        return (path, objectKey, mark);
    }
}
