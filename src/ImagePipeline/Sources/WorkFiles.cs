using ImagePipeline.Manifest;

namespace ImagePipeline.Sources;

/// <summary>Where an image's files live in the work directory, so Acquire, Verify and Upload agree.</summary>
public static class WorkFiles
{
    /// <summary><c>&lt;work&gt;/&lt;name&gt;&lt;extension of destination.path&gt;</c>, e.g. <c>talos-1.9.1.raw</c>.</summary>
    public static string OutputPath(string workDirectory, ImageDefinition image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Path.Combine(Path.GetFullPath(workDirectory), image.Name + Path.GetExtension(image.DestinationPath));
    }

    /// <summary>The output while it is written; renamed to <see cref="OutputPath"/> only when complete.</summary>
    public static string PartialPath(string outputPath) => outputPath + ".partial";

    /// <summary>Deletes the image's work files; missing files are fine.</summary>
    public static void Delete(string outputPath)
    {
        File.Delete(outputPath);
        File.Delete(PartialPath(outputPath));
    }
}
