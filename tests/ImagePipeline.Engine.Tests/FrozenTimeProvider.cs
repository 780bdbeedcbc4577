namespace ImagePipeline.Engine.Tests;

/// <summary>A clock that never moves, so every duration is zero and summaries compare exactly.</summary>
public sealed class FrozenTimeProvider : TimeProvider
{
    public override long GetTimestamp() => 0;
}
