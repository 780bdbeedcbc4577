using YamlDotNet.Core;

namespace ImagePipeline.Credentials.Sops;

/// <summary>A scalar as written: its text, quoting style and explicit tag (empty when none).</summary>
internal sealed record YamlTreeScalar(string Value, ScalarStyle Style, string Tag) : YamlTreeNode
{
    public bool IsPlainUntagged => Style == ScalarStyle.Plain && (Tag.Length == 0 || Tag == "!");
}
