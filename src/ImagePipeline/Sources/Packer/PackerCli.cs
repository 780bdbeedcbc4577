using System.ComponentModel;
using System.Text;

namespace ImagePipeline.Sources.Packer;

/// <summary>
/// The packer executable: where it is, which version it is, and running one of its commands in a
/// process group of its own with a clean environment (no inherited <c>PKR_VAR_*</c>, no checkpoint
/// calls home).
/// </summary>
public sealed class PackerCli
{
    private readonly PackerOptions _options;
    private readonly Lazy<string> _executable;
    private readonly Lazy<Task<PackerVersion>> _version;

    public PackerCli(PackerOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _executable = new Lazy<string>(() => Locate(options.ExecutablePath));
        _version = new Lazy<Task<PackerVersion>>(QueryVersionAsync);
    }

    /// <summary>The version of the configured packer, asked once per instance.</summary>
    /// <exception cref="PackerUnavailableException">Packer is missing or its version is not recognised.</exception>
    public Task<PackerVersion> GetVersionAsync(CancellationToken cancellationToken) =>
        _version.Value.WaitAsync(cancellationToken);

    /// <summary>Runs <c>packer &lt;arguments&gt;</c> in <paramref name="workingDirectory"/> and returns the exit code.</summary>
    /// <param name="arguments">Arguments after <c>packer</c>.</param>
    /// <param name="workingDirectory">Working directory.</param>
    /// <param name="environment">Extra variables (e.g. <c>PKR_VAR_*</c>).</param>
    /// <param name="onLine">Every output line as it arrives; the flag is true for stderr.</param>
    /// <param name="onStarted">The process (group) id, once started.</param>
    /// <param name="cancellationToken">Terminates the process group (SIGTERM, grace period, SIGKILL), then throws.</param>
    internal async Task<int> RunAsync(
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IEnumerable<KeyValuePair<string, string>> environment,
        Action<string, bool> onLine,
        Action<int> onStarted,
        CancellationToken cancellationToken)
    {
        var command = new ProcessCommand(
            _executable.Value,
            arguments,
            workingDirectory,
            environment.Append(KeyValuePair.Create("CHECKPOINT_DISABLE", "1")),
            name => name.StartsWith(PackerVariables.EnvironmentPrefix, StringComparison.Ordinal));
        try
        {
            return await ProcessGroupRunner.RunAsync(command, onLine, onStarted, _options.TerminationGracePeriod, cancellationToken);
        }
        catch (Win32Exception e)
        {
            throw new PackerUnavailableException(_options.ExecutablePath, "cannot start it through setsid (util-linux): " + e.Message, e);
        }
    }

    private async Task<PackerVersion> QueryVersionAsync()
    {
        var output = new StringBuilder();
        var lock_ = new Lock();
        var exitCode = await RunAsync(
            ["version"],
            Environment.CurrentDirectory,
            [],
            (line, _) =>
            {
                lock (lock_)
                {
                    output.AppendLine(line);
                }
            },
            _ => { },
            CancellationToken.None);
        return exitCode == 0 && PackerVersion.TryParse(output.ToString(), out var version)
            ? version!
            : throw new PackerUnavailableException(_options.ExecutablePath,
                $"'packer version' exited with {exitCode} and printed no 'Packer vX.Y.Z': {output.ToString().Trim()}");
    }

    private static string Locate(string executable)
    {
        if (executable.Contains('/', StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(executable);
            return File.Exists(full)
                ? full
                : throw new PackerUnavailableException(executable, $"{full} does not exist");
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                   .Select(dir => Path.Combine(dir, executable))
                   .FirstOrDefault(File.Exists)
               ?? throw new PackerUnavailableException(executable, "not found on PATH; install packer or pass --packer PATH");
    }
}
