namespace ImagePipeline.Credentials.Sops;

/// <summary>A mapping. An entry with a null key is a comment line (its value is a <see cref="YamlTreeComment"/>).</summary>
internal sealed record YamlTreeMapping(IReadOnlyList<KeyValuePair<string?, YamlTreeNode>> Entries) : YamlTreeNode
{
    public YamlTreeNode? Find(string key) =>
        Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal)).Value;
}
