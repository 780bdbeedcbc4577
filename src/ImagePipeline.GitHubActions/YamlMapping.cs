namespace ImagePipeline.GitHubActions;

/// <summary>
/// A block mapping whose entries are written in the order given (the caller decides the order, so output is stable).
/// Empty, it is written <c>{}</c>. <see cref="Spaced"/> puts a blank line between entries, as hand-written
/// workflows do between top-level sections and between jobs.
/// </summary>
public sealed record YamlMapping(IReadOnlyList<KeyValuePair<string, YamlNode>> Entries) : YamlNode
{
    public bool Spaced { get; init; }

    /// <summary>A mapping of <paramref name="entries"/> sorted by key (ordinal), for maps whose order carries no meaning.</summary>
    public static YamlMapping Sorted(IEnumerable<KeyValuePair<string, string>> entries) =>
        new([.. entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => KeyValuePair.Create(e.Key, (YamlNode)e.Value))]);
}
