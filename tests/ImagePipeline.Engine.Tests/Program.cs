namespace ImagePipeline.Engine.Tests;

/// <summary>
/// Runs a test build through the real console path (<see cref="BuildBase.ExecuteAsync{T}(string[])"/>), for tests
/// that need a separate process: <c>dotnet ImagePipeline.Engine.Tests.dll SignalBuild Wait --marker …</c>.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        nameof(SignalBuild) => BuildBase.ExecuteAsync<SignalBuild>(args[1..]),
        _ => Task.FromResult(64),
    };
}
