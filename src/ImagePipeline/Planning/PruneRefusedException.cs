namespace ImagePipeline.Planning;

/// <summary>A Prune guard stopped the run before anything was deleted.</summary>
public sealed class PruneRefusedException : ImagePipelineException
{
    public PruneRefusedException(string message)
        : base(message)
    {
    }
}
