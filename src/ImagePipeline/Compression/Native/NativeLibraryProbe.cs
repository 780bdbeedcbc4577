using System.Runtime.InteropServices;

namespace ImagePipeline.Compression.Native;

/// <summary>Checks whether an optional system library and the exports we call are present.</summary>
internal static class NativeLibraryProbe
{
    public static bool HasExports(string libraryName, params string[] exports)
    {
        if (!NativeLibrary.TryLoad(libraryName, out var handle))
        {
            return false;
        }

        // The handle stays loaded: the LibraryImport stubs resolve the same library by name.
        return exports.All(name => NativeLibrary.TryGetExport(handle, name, out _));
    }
}
