namespace ImagePipeline.Tests.Credentials;

/// <summary>
/// An environment for the code under test that never reads the process environment: HOME points to
/// an empty folder (so no real ~/.config/sops/age/keys.txt is found) unless the test sets it.
/// </summary>
internal static class TestEnvironment
{
    public static Func<string, string?> Create(string emptyHome, params (string Name, string? Value)[] variables)
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal) { ["HOME"] = emptyHome };
        foreach (var (name, value) in variables)
        {
            map[name] = value;
        }

        return name => map.TryGetValue(name, out var value) ? value : null;
    }
}
