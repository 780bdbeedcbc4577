namespace ImagePipeline.Credentials.Sops;

/// <summary>A sequence; comment lines appear as <see cref="YamlTreeComment"/> items.</summary>
internal sealed record YamlTreeSequence(IReadOnlyList<YamlTreeNode> Items) : YamlTreeNode;
