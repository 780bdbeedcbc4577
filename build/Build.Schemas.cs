using ImagePipeline.Engine;
using ImagePipeline.Manifest;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    /// <summary>Both schemas are generated from code so they cannot drift; tests fail when the files are stale.</summary>
    async Task GenerateSchemasAsync(CancellationToken cancellationToken)
    {
        var buildSchema = Path.Combine(RootDirectory, ".nuke", "build.schema.json");
        var manifestSchema = Path.Combine(RootDirectory, "images", "images.schema.json");
        await File.WriteAllTextAsync(buildSchema, BuildSchema.Generate<Build>(), cancellationToken);
        ManifestSchema.Write(RootDirectory);
        Log.Information("Wrote {BuildSchema} and {ManifestSchema}",
            Path.GetRelativePath(RootDirectory, buildSchema), Path.GetRelativePath(RootDirectory, manifestSchema));
    }
}
