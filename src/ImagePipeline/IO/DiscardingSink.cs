namespace ImagePipeline.IO;

/// <summary>A sink that keeps nothing, for passes that only need digests and sizes (Pin).</summary>
public sealed class DiscardingSink : IByteSink
{
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AbortAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
