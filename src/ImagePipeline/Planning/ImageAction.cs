namespace ImagePipeline.Planning;

/// <summary>What Sync will do with one image.</summary>
public enum ImageAction
{
    /// <summary>Not in the store yet.</summary>
    Upload,

    /// <summary>In the store with another digest (or inputs), or forced.</summary>
    Replace,

    /// <summary>In the store with the expected digest: nothing to do.</summary>
    Unchanged,

    /// <summary>The store was not read (no credentials in a dry run).</summary>
    Unknown,

    /// <summary>This image could not be planned (its store reads failed); the others were.</summary>
    Failed,
}
