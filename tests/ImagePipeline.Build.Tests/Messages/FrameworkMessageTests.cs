using System.Diagnostics;
using System.Text.RegularExpressions;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Messages;

/// <summary>
/// The real build program (its own runtimeconfig, as <c>./build.sh</c> runs it) prints .NET's own
/// error texts as sentences, not resource keys (<c>UseSystemResourceKeys</c> is off): here the
/// process-start failure of <c>SOPS_AGE_KEY_CMD</c>, which reaches the user inside our message.
/// </summary>
public sealed partial class FrameworkMessageTests : IDisposable
{
    private readonly TempDirectory home = new("framework-messages");

    public void Dispose() => home.Dispose();

    [Fact]
    public async Task List_KeyCommandThatCannotStart_PrintsTheFrameworkReasonAsASentence()
    {
        Directory.CreateDirectory(home.Combine(".nuke"));
        var credentials = Path.Combine(RepositoryPaths.SopsFixtures, "synthetic", "credentials.encrypted_regex.yaml");

        var output = await RunBuildAsync(("SOPS_AGE_KEY_CMD", "/nonexistent/key-helper"), "List", "--credentials", credentials);

        Assert.Contains(
            "SOPS_AGE_KEY_CMD '/nonexistent/key-helper' could not be started (An error occurred trying to start process '/nonexistent/key-helper'",
            output, StringComparison.Ordinal);
        Assert.DoesNotContain("ErrorStartingProcess", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(ResourceKey(), output);
    }

    /// <summary>
    /// Resource keys look like <c>IO_PathNotFound_Path</c> or <c>net_http_invalid_response_premature_eof_bytecount</c>:
    /// words joined by underscores, with lower-case letters (unlike variable names such as SOPS_AGE_KEY_CMD).
    /// </summary>
    [GeneratedRegex(@"\b(?=\w*[a-z])[A-Za-z]+_[A-Za-z]+_[A-Za-z_]+\b")]
    private static partial Regex ResourceKey();

    private async Task<string> RunBuildAsync((string Name, string Value) variable, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            WorkingDirectory = home.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "_build.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SOPS_", StringComparison.Ordinal) || k.StartsWith("E2_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = home.Path;
        start.Environment[variable.Name] = variable.Value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await stdout + await stderr;
    }
}
