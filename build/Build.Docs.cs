using ImagePipeline.Build.CI;
using ImagePipeline.Engine;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    internal const string ReferenceFile = "docs/reference.md";

    /// <summary>docs/reference.md from the build definition (a fresh Build, so defaults are the declared ones).</summary>
    internal static GeneratedFile GeneratedReference() =>
        new(ReferenceFile, BuildReference.Generate(new Build(), "Reference: targets and parameters", "./build.sh GenerateDocs"));

    async Task GenerateDocsAsync(CancellationToken cancellationToken)
    {
        await GeneratedReference().WriteAsync(RootDirectory, cancellationToken);
        Log.Information("Wrote {File}", ReferenceFile);
    }
}
