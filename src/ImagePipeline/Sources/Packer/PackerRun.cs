using System.Diagnostics;
using Serilog;
using Serilog.Events;

namespace ImagePipeline.Sources.Packer;

/// <summary>
/// Packer commands for one image: run in the template directory with the image's <c>PKR_VAR_*</c>
/// and a private <c>TMPDIR</c> (Packer leaves its shell-local scripts there when it is killed),
/// output logged (masked) and its tail kept for the exception.
/// </summary>
internal sealed class PackerRun(
    PackerCli cli,
    string imageName,
    string templateDirectory,
    string temporaryDirectory,
    PackerVariables variables,
    ILogger log,
    int tailLines)
{
    public async Task RunAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var tail = new OutputTail(tailLines);
        var clock = Stopwatch.StartNew();
        int exitCode;
        try
        {
            exitCode = await cli.RunAsync(
                arguments,
                templateDirectory,
                variables.ToEnvironment().Append(KeyValuePair.Create("TMPDIR", temporaryDirectory)),
                (line, isError) => OnLine(line, isError, tail),
                pid => log.Debug("[{Image:l}] packer {Command:l} started as process group {PackerProcessGroup}", imageName, command, pid),
                cancellationToken);
        }
        catch (OperationCanceledException)
        {
            log.Warning("[{Image:l}] packer {Command:l} stopped after {Elapsed}", imageName, command, clock.Elapsed);
            throw;
        }

        log.Information("[{Image:l}] packer {Command:l} exited with {ExitCode} after {Elapsed}", imageName, command, exitCode, clock.Elapsed);
        if (exitCode != 0)
        {
            throw new PackerBuildException(imageName, command, exitCode, tail.Snapshot());
        }
    }

    private void OnLine(string line, bool isError, OutputTail tail)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        var masked = variables.Masker.Apply(line);
        tail.Add(masked);
        log.Write(isError ? LogEventLevel.Warning : LogEventLevel.Information, "[{Image:l}] {PackerOutput:l}", imageName, masked);
    }
}
