using ImagePipeline.IO;

namespace ImagePipeline.Tests.Sources;

/// <summary>A sink that writes to a file (<c>.partial</c> until flushed) and deletes it on abort, for acquisition tests.</summary>
internal sealed class FileSink(string path) : IByteSink
{
    private readonly FileStream _file = File.Create(path + ".partial");

    public string Path { get; } = path;

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => _file.WriteAsync(data, cancellationToken);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _file.DisposeAsync();
        File.Move(Path + ".partial", Path, overwrite: true);
    }

    public async Task AbortAsync()
    {
        await _file.DisposeAsync();
        File.Delete(Path + ".partial");
        File.Delete(Path);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
