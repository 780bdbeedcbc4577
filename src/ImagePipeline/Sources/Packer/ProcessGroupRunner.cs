using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ImagePipeline.Sources.Packer;

/// <summary>
/// Runs a command in a session and process group of its own (through util-linux <c>setsid</c>, which
/// execs in place, so the child's pid is also its group id) and streams its output line by line.
/// Why: Packer forwards only SIGTERM to its plugins, and shell-local's children survive unless the
/// whole group is signalled. On cancellation the group gets SIGTERM, then SIGKILL after the grace
/// period; the call returns only when the group's output pipes are closed.
/// </summary>
internal static class ProcessGroupRunner
{
    /// <summary>How long to wait for lingering group members once the main process exited on its own.</summary>
    private static readonly TimeSpan LingerLimit = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="command"/> and returns its exit code.</summary>
    /// <param name="command">What to run.</param>
    /// <param name="onLine">Called for every output line; the flag is true for stderr. Called from two threads.</param>
    /// <param name="onStarted">Called with the process id (= process group id) once it runs.</param>
    /// <param name="gracePeriod">Time between SIGTERM and SIGKILL on cancellation.</param>
    /// <param name="cancellationToken">Stops the whole process group; then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <exception cref="Win32Exception"><c>setsid</c> cannot be started.</exception>
    public static async Task<int> RunAsync(
        ProcessCommand command,
        Action<string, bool> onLine,
        Action<int> onStarted,
        TimeSpan gracePeriod,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var process = Process.Start(CreateStartInfo(command))
            ?? throw new InvalidOperationException("setsid did not start");
        process.StandardInput.Close();
        var groupId = process.Id;
        onStarted(groupId);

        var pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, isError: false, onLine),
            PumpAsync(process.StandardError, isError: true, onLine));
        var exited = process.WaitForExitAsync(CancellationToken.None);
        try
        {
            await exited.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await TerminateGroupAsync(process, groupId, Task.WhenAll(exited, pumps), gracePeriod);
            SweepGroup(groupId);
            throw;
        }

        // The main process is gone; a member of its group that still holds the pipes would block us forever.
        if (!await CompletesWithinAsync(pumps, LingerLimit))
        {
            Signal(process, groupId, NativeMethods.SigKill);
            await pumps;
        }

        SweepGroup(groupId);
        return process.ExitCode;
    }

    /// <summary>
    /// Kills whatever is left in the group once its leader is gone: a child that ignored SIGTERM or
    /// detached from our pipes must not outlive the build. The id cannot name another group while
    /// any member of this one exists; when none does, the call fails with ESRCH.
    /// </summary>
    private static void SweepGroup(int groupId) => _ = NativeMethods.Kill(-groupId, NativeMethods.SigKill);

    private static ProcessStartInfo CreateStartInfo(ProcessCommand command)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = command.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(command.FileName);
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.Where(command.DropInheritedVariable).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in command.Environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private static async Task PumpAsync(StreamReader reader, bool isError, Action<string, bool> onLine)
    {
        // No cancellation token: the output of a terminating Packer is still worth logging, and
        // the pipe closes once the whole group is gone.
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            onLine(line, isError);
        }
    }

    private static async Task TerminateGroupAsync(Process process, int groupId, Task finished, TimeSpan gracePeriod)
    {
        Signal(process, groupId, NativeMethods.SigTerm);
        if (!await CompletesWithinAsync(finished, gracePeriod))
        {
            Signal(process, groupId, NativeMethods.SigKill);
            await finished;
        }
    }

    private static void Signal(Process process, int groupId, int signal)
    {
        // A group id equal to our child's pid can only be that child's group. ESRCH means the group
        // is gone, or setsid has not yet run; then the child itself is all there is to signal.
        if (NativeMethods.Kill(-groupId, signal) != 0
            && Marshal.GetLastPInvokeError() == NativeMethods.Esrch
            && !process.HasExited)
        {
            _ = NativeMethods.Kill(groupId, signal);
        }
    }

    private static async Task<bool> CompletesWithinAsync(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
