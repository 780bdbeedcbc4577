namespace ImagePipeline.GitHubActions;

/// <summary>A block sequence (<c>- item</c> lines); empty, it is written <c>[]</c>.</summary>
public sealed record YamlSequence(IReadOnlyList<YamlNode> Items) : YamlNode
{
    public static YamlSequence Of(IEnumerable<string> items) => new([.. items.Select(YamlNode.FromString)]);
}
