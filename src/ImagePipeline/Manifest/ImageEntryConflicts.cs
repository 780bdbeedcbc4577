using System.Globalization;
using YamlDotNet.Core;

namespace ImagePipeline.Manifest;

/// <summary>
/// Rules across images: names are unique, and store keys are unique ignoring letter case
/// (Synology shares and other SMB/NFS exports are case-insensitive) and never need one image's
/// key as another's folder (a directory store cannot have both <c>a/b</c> and <c>a/b/c</c>).
/// </summary>
internal static class ImageEntryConflicts
{
    public static void Report(IReadOnlyList<ImageEntry> entries, ManifestErrorList errors)
    {
        var names = new Dictionary<string, Mark>(StringComparer.Ordinal);
        var keys = new Dictionary<string, ImageEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (entry.Name is { } name && !names.TryAdd(name, entry.NameMark))
            {
                errors.Add(entry.Scope, "name", $"duplicate image name '{ManifestLimits.Shown(name)}' (first used at line {Line(names[name])})", entry.NameMark);
            }

            if (entry.ObjectKey is { } key && !keys.TryAdd(key, entry))
            {
                var first = keys[key];
                var sameCase = string.Equals(first.ObjectKey, key, StringComparison.Ordinal);
                errors.Add(entry.Scope, "destination.path", sameCase
                    ? $"key '{ManifestLimits.Shown(key)}' is also the destination of {Describe(first)} (line {Line(first.DestinationMark)})"
                    : $"key '{ManifestLimits.Shown(key)}' differs only in letter case from the destination of {Describe(first)} ('{ManifestLimits.Shown(first.ObjectKey)}', line {Line(first.DestinationMark)}); on a case-insensitive share (Synology) both would be one file",
                    entry.DestinationMark);
            }
        }

        foreach (var entry in entries)
        {
            if (entry.ObjectKey is { } key && FolderTakenByFile(key, keys) is { } file)
            {
                errors.Add(entry.Scope, "destination.path",
                    $"key '{ManifestLimits.Shown(key)}' needs '{ManifestLimits.Shown(file.ObjectKey)}' to be a folder, but that is the destination of {Describe(file)} (line {Line(file.DestinationMark)})",
                    entry.DestinationMark);
            }
        }
    }

    private static ImageEntry? FolderTakenByFile(string key, Dictionary<string, ImageEntry> keys)
    {
        for (var slash = key.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = key.IndexOf('/', slash + 1))
        {
            if (keys.TryGetValue(key[..slash], out var file))
            {
                return file;
            }
        }

        return null;
    }

    private static string Describe(ImageEntry entry) => entry.Name is null ? "another image" : $"'{entry.Name}'";

    private static string Line(Mark mark) => mark.Line.ToString(CultureInfo.InvariantCulture);
}
