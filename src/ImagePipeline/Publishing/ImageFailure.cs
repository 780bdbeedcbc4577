namespace ImagePipeline.Publishing;

/// <summary>Why an image failed and in which stage (Validate, Diff, Acquire, Verify, Upload, WriteMetadata).</summary>
public sealed record ImageFailure(string Stage, string Message, Exception Exception)
{
    public override string ToString() => $"{Stage}: {Message}";
}
