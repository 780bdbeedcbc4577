namespace ImagePipeline;

/// <summary>How outside text (a key, a command, a tool's stderr) is quoted in a message: cut, so a huge value cannot flood the log.</summary>
internal static class MessageText
{
    /// <summary><paramref name="value"/> itself, or its first <paramref name="max"/> characters and "…".</summary>
    public static string Truncate(string value, int max = 100) => value.Length <= max ? value : value[..max] + "…";
}
