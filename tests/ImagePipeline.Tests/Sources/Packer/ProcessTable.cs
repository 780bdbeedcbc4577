using System.Globalization;

namespace ImagePipeline.Tests.Sources.Packer;

/// <summary>Reads /proc to find processes a test may have left behind.</summary>
internal static class ProcessTable
{
    /// <summary>
    /// Live processes of a process group. Zombies are left out: they have exited, and reaping
    /// orphans is PID 1's job (which here reaps lazily), not the code under test's.
    /// </summary>
    public static IReadOnlyList<(int Pid, string Command)> InGroup(int groupId) =>
        [.. All().Where(p => p.GroupId == groupId && p.State != 'Z').Select(p => (p.Pid, p.Command))];

    public static IReadOnlyList<int> WithEnvironment(string entry) =>
        [.. All().Where(p => p.State != 'Z' && Environment(p.Pid).Contains(entry)).Select(p => p.Pid)];

    private static IEnumerable<(int Pid, int GroupId, char State, string Command)> All()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || Stat(pid) is not { } stat)
            {
                continue;
            }

            yield return (pid, stat.GroupId, stat.State, stat.Command);
        }
    }

    /// <summary>/proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may contain spaces and parentheses.</summary>
    private static (int GroupId, char State, string Command)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var open = text.IndexOf('(', StringComparison.Ordinal);
            var close = text.LastIndexOf(')');
            var fields = text[(close + 2)..].Split(' ');
            return (int.Parse(fields[2], CultureInfo.InvariantCulture), fields[0][0], text[(open + 1)..close]);
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
    }

    private static string[] Environment(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ").Split('\0');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
