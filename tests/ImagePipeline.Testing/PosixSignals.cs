using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace ImagePipeline.Testing;

/// <summary>Signals sent to a child process with the real kill(1), as a CI runner (TERM) or Ctrl-C (INT) would.</summary>
public static class PosixSignals
{
    /// <param name="child">The process to signal.</param>
    /// <param name="signal"><c>TERM</c>, <c>INT</c>, …</param>
    public static void Send(Process child, string signal)
    {
        ArgumentNullException.ThrowIfNull(child);
        using var kill = Process.Start("kill", ["-" + signal, child.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
