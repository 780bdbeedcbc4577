namespace ImagePipeline.Build;

internal sealed partial class Build
{
    /// <summary>
    /// The targets and parameters the generated workflows call, bound with <c>nameof</c>: renaming one changes the
    /// workflows (so <c>CheckWorkflows</c> fails until they are regenerated), deleting one fails the compile.
    /// </summary>
    internal static class Names
    {
        public const string Sync = nameof(Build.Sync);
        public const string Prune = nameof(Build.Prune);
        public const string WriteCatalog = nameof(Build.WriteCatalog);

        public const string Manifest = nameof(Build.Manifest);
        public const string Image = nameof(Build.Image);
        public const string Credentials = nameof(Build.Credentials);
        public const string DryRun = nameof(Build.DryRun);
        public const string Force = nameof(Build.Force);
        public const string PlanJson = nameof(Build.PlanJson);
        public const string ResultJson = nameof(Build.ResultJson);
        public const string NoPackerCheck = nameof(Build.NoPackerCheck);
        public const string CacheMaxSize = nameof(Build.CacheMaxSize);
    }
}
