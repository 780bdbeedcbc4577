namespace ImagePipeline.Credentials.Sops;

/// <summary>A comment line; <see cref="Text"/> is everything after the <c>#</c>, as sops keeps it.</summary>
internal sealed record YamlTreeComment(string Text) : YamlTreeNode;
