namespace ImagePipeline.Progress;

/// <summary>Where one image is in its chain, for progress displays and the result table.</summary>
public enum ImageStage
{
    Pending,
    Checking,
    Planning,
    Acquiring,
    Verifying,
    Committing,
    Recording,
    Done,
    Unchanged,
    Skipped,
    Failed,

    /// <summary>Audit is reading the stored image back and hashing it.</summary>
    Auditing,
}
