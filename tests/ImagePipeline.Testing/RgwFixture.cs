using System.Diagnostics;

namespace ImagePipeline.Testing;

/// <summary>
/// A real Ceph RADOS Gateway for S3 tests (xUnit collection fixture). When <c>RGW_ENDPOINT</c>,
/// <c>RGW_ACCESS_KEY</c> and <c>RGW_SECRET_KEY</c> are set (CI runs <c>scripts/rgw.sh start</c> once and
/// exports them) it uses that gateway and leaves it alone. Otherwise it takes a lease with <c>scripts/rgw.sh lease</c>
/// (starting the gateway unless one is running) and releases it on dispose; the last lease stops a
/// gateway the leases started, so no daemon outlives the test run. If the gateway cannot start, the
/// constructor throws with the script's diagnostics, so every test using it fails instead of skipping.
/// </summary>
public sealed class RgwFixture : IDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);
    private readonly bool _leased;

    public RgwFixture()
    {
        var endpoint = Environment.GetEnvironmentVariable("RGW_ENDPOINT");
        var accessKey = Environment.GetEnvironmentVariable("RGW_ACCESS_KEY");
        var secretKey = Environment.GetEnvironmentVariable("RGW_SECRET_KEY");
        if (string.IsNullOrEmpty(endpoint) || string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
        {
            // Test assemblies run in parallel processes: a lease shares one gateway between them.
            var lease = RunScript("lease");
            if (lease.ExitCode != 0)
            {
                throw new InvalidOperationException($"scripts/rgw.sh lease failed (exit {lease.ExitCode}); RGW-backed tests cannot run:\n{lease.Output}");
            }

            _leased = true;

            var exports = ParseExports(RunScript("env").Output);
            (endpoint, accessKey, secretKey) = (exports["RGW_ENDPOINT"], exports["RGW_ACCESS_KEY"], exports["RGW_SECRET_KEY"]);
        }

        Endpoint = new Uri(endpoint);
        AccessKey = accessKey;
        SecretKey = secretKey;
    }

    public Uri Endpoint { get; }

    public string AccessKey { get; }

    public string SecretKey { get; }

    public static string Script => Path.Combine(RepositoryPaths.Root, "scripts", "rgw.sh");

    public void Dispose()
    {
        if (_leased)
        {
            RunScript("release");
        }
    }

    private static Dictionary<string, string> ParseExports(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    private static (int ExitCode, string Output) RunScript(string command)
    {
        var info = new ProcessStartInfo("bash", [Script, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start bash " + Script);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ScriptTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"scripts/rgw.sh {command} did not finish within {ScriptTimeout.TotalSeconds:0} s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
