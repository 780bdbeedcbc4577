using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// Builds a <see cref="YamlTreeNode"/> tree from YamlDotNet's event parser. The representation model
/// (YamlStream) drops comments, and sops stores encrypted comments, so we read the events ourselves.
/// Aliases resolve to their anchored node, as sops's YAML store does.
/// </summary>
internal static class YamlTreeParser
{
    /// <summary>Deeper nesting is refused before the recursion could exhaust the stack (a hostile file).</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses every document; each must be a mapping (or empty).</summary>
    public static IReadOnlyList<YamlTreeMapping> Parse(string text)
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: false));
        var anchors = new Dictionary<string, YamlTreeNode>(StringComparer.Ordinal);
        var documents = new List<YamlTreeMapping>();
        parser.Consume<StreamStart>();
        while (!parser.TryConsume<StreamEnd>(out _))
        {
            if (parser.TryConsume<Comment>(out _))
            {
                continue;
            }

            parser.Consume<DocumentStart>();
            var leading = ReadComments(parser);
            var root = parser.Accept<DocumentEnd>(out _) ? new YamlTreeMapping([]) : ReadNode(parser, anchors, 1);
            var trailing = ReadComments(parser);
            parser.Consume<DocumentEnd>();
            if (root is YamlTreeScalar { Value.Length: 0 })
            {
                root = new YamlTreeMapping([]);
            }

            if (root is not YamlTreeMapping mapping)
            {
                throw new YamlException("the document is not a mapping (sops files are YAML mappings)");
            }

            documents.Add(new YamlTreeMapping([.. leading.Select(AsEntry), .. mapping.Entries, .. trailing.Select(AsEntry)]));
        }

        return documents;
    }

    private static KeyValuePair<string?, YamlTreeNode> AsEntry(YamlTreeComment comment) => new(null, comment);

    private static List<YamlTreeComment> ReadComments(IParser parser)
    {
        var comments = new List<YamlTreeComment>();
        while (parser.TryConsume<Comment>(out var comment))
        {
            comments.Add(new YamlTreeComment(comment.Value));
        }

        return comments;
    }

    private static YamlTreeNode ReadNode(IParser parser, Dictionary<string, YamlTreeNode> anchors, int depth)
    {
        if (depth > MaxDepth)
        {
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new YamlException(at, at, $"nested more than {MaxDepth} levels deep");
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, $"unknown alias '{alias.Value}'");
        }

        YamlTreeNode node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor;
            node = new YamlTreeScalar(scalar.Value, scalar.Style, scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            anchor = sequenceStart.Anchor;
            var items = new List<YamlTreeNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.AddRange(ReadComments(parser));
                if (!parser.Accept<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, anchors, depth + 1));
                }
            }

            node = new YamlTreeSequence(items);
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            anchor = mappingStart.Anchor;
            var entries = new List<KeyValuePair<string?, YamlTreeNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                entries.AddRange(ReadComments(parser).Select(AsEntry));
                if (parser.Accept<MappingEnd>(out _))
                {
                    continue;
                }

                var keyStart = parser.Current?.Start ?? Mark.Empty;
                if (ReadNode(parser, anchors, depth + 1) is not YamlTreeScalar key)
                {
                    throw new YamlException(keyStart, keyStart, "only scalar mapping keys are supported");
                }

                if (entries.Any(e => string.Equals(e.Key, key.Value, StringComparison.Ordinal)))
                {
                    // yaml.v3 (and so sops) refuses duplicate keys; silently taking one would hide an edit.
                    throw new YamlException(keyStart, keyStart, $"duplicate mapping key '{key.Value}'");
                }

                // A comment between key and value belongs before the entry, where sops's store puts it.
                entries.AddRange(ReadComments(parser).Select(AsEntry));
                entries.Add(new(key.Value, ReadNode(parser, anchors, depth + 1)));
            }

            node = new YamlTreeMapping(entries);
        }
        else
        {
            var current = parser.Current;
            throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, $"unexpected YAML event {current?.GetType().Name}");
        }

        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        return node;
    }
}
