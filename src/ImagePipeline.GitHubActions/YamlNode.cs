namespace ImagePipeline.GitHubActions;

/// <summary>A YAML value as <see cref="YamlWriter"/> writes it: a scalar, a sequence or a mapping.</summary>
public abstract record YamlNode
{
    /// <summary>A string scalar; <see langword="null"/> becomes <c>null</c>.</summary>
    public static implicit operator YamlNode(string? value) => value is null ? YamlScalar.Null : YamlScalar.FromText(value);

    public static YamlNode FromString(string? value) => value;
}
