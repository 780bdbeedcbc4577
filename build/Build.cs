namespace ImagePipeline.Build;

// Placeholder until the engine lands; replaced by the target graph.
internal static class Build
{
    public static int Main() => 0;
}
