using System.Runtime.InteropServices;

namespace ImagePipeline.Sources.Packer;

/// <summary>The few libc calls .NET has no API for: signalling a process group, rename without copy fallback.</summary>
internal static partial class NativeMethods
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>errno: no such process (or process group).</summary>
    public const int Esrch = 3;

    /// <summary>errno: source and target are on different file systems.</summary>
    public const int Exdev = 18;

    /// <summary>kill(2); a negative <paramref name="pid"/> signals the process group <c>-pid</c>.</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "getpgid", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int GetProcessGroup(int pid);

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Rename(string oldPath, string newPath);
}
