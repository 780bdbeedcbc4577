namespace ImagePipeline.Engine;

/// <summary>What <see cref="BuildBase.DivertLog"/> returns when there is no terminal to divert: nothing to undo.</summary>
internal sealed class NoDiversion : IDisposable
{
    public static NoDiversion Instance { get; } = new();

    public void Dispose()
    {
    }
}
