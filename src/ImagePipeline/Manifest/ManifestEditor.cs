using ImagePipeline.Verification;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ImagePipeline.Manifest;

/// <summary>
/// Writes checksums into manifest text for <c>Pin</c>, touching only those scalars: comments, key
/// order, quoting, blank lines and everything else stay byte for byte. Positions come from the marks
/// YamlDotNet's parser puts on every node (<c>Start.Index</c>/<c>End.Index</c>); the new text is spliced in.
/// </summary>
public static class ManifestEditor
{
    /// <summary>
    /// Sets <c>source.checksum</c> and/or <c>validation.expected</c> of one image (null leaves a value
    /// alone). Missing keys are inserted with the file's indentation; a missing <c>validation</c> block
    /// is added with <c>algorithm</c> and <c>expected</c>, and an existing <c>validation.algorithm</c>
    /// is updated to agree with the new digest.
    /// </summary>
    /// <exception cref="ManifestEditException">No such image, or the YAML cannot be edited in place.</exception>
    public static string SetChecksums(string yamlText, string imageName, Checksum? sourceChecksum, Checksum? validationExpected) =>
        SetChecksums(yamlText, imageName, sourceChecksum, validationExpected, insertExpected: true);

    /// <summary>
    /// As <see cref="SetChecksums(string, string, Checksum?, Checksum?)"/>; with
    /// <paramref name="insertExpected"/> false, <c>validation.expected</c> is only rewritten where the key
    /// already exists (and <c>validation.algorithm</c> only where it exists): nothing is inserted. That suits
    /// an image without <c>decompress</c>, whose expected digest defaults to <c>source.checksum</c>.
    /// </summary>
    /// <exception cref="ManifestEditException">No such image, or the YAML cannot be edited in place.</exception>
    public static string SetChecksums(string yamlText, string imageName, Checksum? sourceChecksum, Checksum? validationExpected, bool insertExpected)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(imageName);
        var image = FindImage(yamlText, imageName);
        var edits = new TextEdits(yamlText);
        if (sourceChecksum is not null)
        {
            var source = ChildMapping(image, "source", imageName) ?? throw new ManifestEditException(imageName, "has no source mapping");
            SetScalar(edits, source, "checksum", sourceChecksum.ToString(), imageName);
        }

        if (validationExpected is not null && insertExpected)
        {
            SetValidation(edits, image, validationExpected, imageName);
        }
        else if (validationExpected is not null)
        {
            ReplaceExpected(edits, image, validationExpected, imageName);
        }

        return edits.Apply();
    }

    private static YamlMappingNode FindImage(string yamlText, string imageName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException exception)
        {
            throw new ManifestEditException(imageName, "the manifest is not valid YAML: " + exception.Message, exception);
        }

        var images = stream.Documents.FirstOrDefault()?.RootNode is YamlMappingNode root
            && Child(root, "spec") is YamlMappingNode spec
            && Child(spec, "images") is YamlSequenceNode sequence
                ? sequence.Children.OfType<YamlMappingNode>()
                : [];
        return images.FirstOrDefault(i => Child(i, "name") is YamlScalarNode { Value: var name } && name == imageName)
            ?? throw new ManifestEditException(imageName, "no image with this name in spec.images");
    }

    private static void SetValidation(TextEdits edits, YamlMappingNode image, Checksum expected, string imageName)
    {
        var algorithm = Checksum.Prefix(expected.Algorithm);
        var validation = ChildMapping(image, "validation", imageName);
        if (validation is null)
        {
            var indent = Indent(image);
            var step = ChildMapping(image, "source", imageName) is { } source ? Indent(source) - indent : 2;
            var inner = new string(' ', indent + step);
            edits.InsertLines(ContentEnd(image),
                [$"{new string(' ', indent)}validation:", $"{inner}algorithm: {algorithm}", $"{inner}expected: {expected}"]);
            return;
        }

        SetScalar(edits, validation, "algorithm", algorithm, imageName);
        SetScalar(edits, validation, "expected", expected.ToString(), imageName);
    }

    private static void ReplaceExpected(TextEdits edits, YamlMappingNode image, Checksum expected, string imageName)
    {
        if (ChildMapping(image, "validation", imageName) is { } validation && Child(validation, "expected") is not null)
        {
            SetScalar(edits, validation, "expected", expected.ToString(), imageName);
            if (Child(validation, "algorithm") is not null)
            {
                SetScalar(edits, validation, "algorithm", Checksum.Prefix(expected.Algorithm), imageName);
            }
        }
    }

    /// <summary>Replaces the key's value, keeping its quoting, or inserts the key when absent.</summary>
    private static void SetScalar(TextEdits edits, YamlMappingNode mapping, string key, string value, string imageName)
    {
        if (mapping.Style == MappingStyle.Flow)
        {
            throw new ManifestEditException(imageName, $"cannot insert `{key}` into a {{flow: mapping}}; write it as a block mapping");
        }

        var entry = mapping.Children.FirstOrDefault(e => e.Key is YamlScalarNode { Value: var k } && k == key);
        if (entry.Key is null)
        {
            edits.InsertLines(ContentEnd(mapping), [$"{new string(' ', Indent(mapping))}{key}: {value}"]);
            return;
        }

        if (entry.Value is not YamlScalarNode scalar)
        {
            throw new ManifestEditException(imageName, $"`{key}` is not a single value");
        }

        var start = (int)scalar.Start.Index;
        var end = (int)scalar.End.Index;
        switch (scalar.Style)
        {
            case ScalarStyle.Plain or ScalarStyle.Any when string.IsNullOrEmpty(scalar.Value):
                // `key:` with nothing: an empty scalar's mark may sit on the next line, so write after the colon.
                edits.Replace(edits.Text.IndexOf(':', (int)entry.Key.End.Index) + 1, 0, " " + value);
                break;
            case ScalarStyle.Plain or ScalarStyle.Any:
                edits.Replace(start, end - start, value);
                break;
            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted:
                edits.Replace(start + 1, end - start - 2, value);
                break;
            default:
                throw new ManifestEditException(imageName, $"`{key}` is a block scalar; write it as a plain value");
        }
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static YamlMappingNode? ChildMapping(YamlMappingNode mapping, string key, string imageName) => Child(mapping, key) switch
    {
        null => null,
        YamlMappingNode child => child,
        YamlScalarNode { Value: null or "" } => throw new ManifestEditException(imageName, $"`{key}:` has no value; give it a mapping first"),
        _ => throw new ManifestEditException(imageName, $"`{key}` is not a mapping"),
    };

    /// <summary>Column (0-based) of the mapping's keys: the indentation to write new keys with.</summary>
    private static int Indent(YamlMappingNode mapping) =>
        mapping.Children.Count > 0 ? (int)mapping.Children.First().Key.Start.Column - 1 : 2;

    /// <summary>Index just past the last character of the node's own text (not trailing comments or blank lines).</summary>
    private static int ContentEnd(YamlNode node) => node switch
    {
        YamlMappingNode { Style: not MappingStyle.Flow } mapping when mapping.Children.Count > 0 =>
            mapping.Children.Max(e => e.Value is YamlScalarNode { Value: null or "" } ? ContentEnd(e.Key) : ContentEnd(e.Value)),
        YamlSequenceNode { Style: not SequenceStyle.Flow } sequence when sequence.Children.Count > 0 =>
            sequence.Children.Max(ContentEnd),
        _ => (int)node.End.Index,
    };

    /// <summary>Non-overlapping replacements applied back to front, so earlier indices stay valid.</summary>
    private sealed class TextEdits(string text)
    {
        private readonly List<(int Index, int Length, string Replacement)> edits = [];

        public string Text => text;

        public void Replace(int index, int length, string replacement) => edits.Add((index, length, replacement));

        /// <summary>Inserts whole lines after the line holding <paramref name="afterIndex"/>, with the file's line ending.</summary>
        public void InsertLines(int afterIndex, IEnumerable<string> lines)
        {
            var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var lineEnd = afterIndex >= text.Length ? -1 : text.IndexOf('\n', afterIndex);
            var block = string.Concat(lines.Select(l => l + newline));
            if (lineEnd < 0)
            {
                Replace(text.Length, 0, newline + block[..^newline.Length]);
            }
            else
            {
                Replace(lineEnd + 1, 0, block);
            }
        }

        public string Apply()
        {
            var result = text;
            foreach (var (index, length, replacement) in edits.OrderByDescending(e => e.Index))
            {
                result = string.Concat(result.AsSpan(0, index), replacement, result.AsSpan(index + length));
            }

            return result;
        }
    }
}
