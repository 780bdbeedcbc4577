using System.Diagnostics;
using System.Text;

namespace ImagePipeline.Engine.Tests;

/// <summary>A test build run through <see cref="Program"/> as a child process, with its stderr collected as it comes.</summary>
internal sealed class ChildBuild : IDisposable
{
    private readonly StringBuilder stderr = new();
    private readonly Lock gate = new();

    private ChildBuild(Process process) => Process = process;

    public Process Process { get; }

    public string Stderr
    {
        get
        {
            lock (gate)
            {
                return stderr.ToString();
            }
        }
    }

    public static ChildBuild Start(string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ImagePipeline.Engine.Tests.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        var child = new ChildBuild(Process.Start(start)!);
        child.Process.OutputDataReceived += (_, _) => { };
        child.Process.ErrorDataReceived += (_, e) =>
        {
            lock (child.gate)
            {
                child.stderr.Append(e.Data).Append('\n');
            }
        };
        child.Process.BeginOutputReadLine();
        child.Process.BeginErrorReadLine();
        return child;
    }

    public async Task WaitForStderrAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Stderr.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline && !Process.HasExited, $"'{text}' did not appear (exited: {Process.HasExited}):\n{Stderr}");
            await Task.Delay(20);
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }
}
