using ImagePipeline.Testing;
using YamlDotNet.RepresentationModel;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>A committed workflow parsed with YamlDotNet, with short paths into it.</summary>
internal sealed class WorkflowYaml(YamlMappingNode root)
{
    public static WorkflowYaml Load(string relativePath)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath))));
        return new WorkflowYaml((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public YamlMappingNode Root => root;

    public YamlMappingNode Job(string id) => (YamlMappingNode)Map(root, "jobs")[id];

    public static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    public static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    public static string? TextOrNull(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    public static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) => ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>();

    public static YamlMappingNode Step(YamlMappingNode job, string name) => Steps(job).Single(s => Text(s, "name") == name);
}
