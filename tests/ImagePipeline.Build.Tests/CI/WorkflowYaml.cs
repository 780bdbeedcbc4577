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

    /// <summary>Every job, by id, in file order.</summary>
    public IEnumerable<(string Id, YamlMappingNode Job)> Jobs =>
        Map(root, "jobs").Children.Select(entry => (((YamlScalarNode)entry.Key).Value!, (YamlMappingNode)entry.Value));

    /// <summary>The <c>run:</c> scripts of every step of every job.</summary>
    public IEnumerable<string> Scripts => Jobs.SelectMany(job => Steps(job.Job)).Select(s => TextOrNull(s, "run")).OfType<string>();

    public static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    public static YamlMappingNode? MapOrNull(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (YamlMappingNode)value : null;

    public static IReadOnlyList<string> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? [.. ((YamlSequenceNode)value).Select(n => n.ToString())] : [];

    /// <summary>The action a step uses (<c>owner/name@ref</c>), or null for a script step.</summary>
    public static string? Uses(YamlMappingNode step) => TextOrNull(step, "uses");

    public static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    public static string? TextOrNull(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    public static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) => ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>();

    public static YamlMappingNode Step(YamlMappingNode job, string name) => Steps(job).Single(s => Text(s, "name") == name);
}
