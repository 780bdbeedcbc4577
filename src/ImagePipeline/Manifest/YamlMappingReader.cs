using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImagePipeline.Manifest;

/// <summary>
/// Strict, error-collecting access to one YAML mapping: every read checks the node type, reports
/// problems with the node's line:column, and returns null instead of throwing so reading goes on.
/// </summary>
internal sealed class YamlMappingReader
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);

    private YamlMappingReader(YamlMappingNode node, string path, FieldScope scope, ManifestErrorList errors)
    {
        Node = node;
        Path = path;
        Scope = scope;
        Errors = errors;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode scalarKey && scalarKey.Value is { } name)
            {
                entries[name] = (scalarKey, value);
            }
            else
            {
                errors.Add(scope, path, "keys must be plain strings, not " + Describe(key), key.Start);
            }
        }
    }

    public YamlMappingNode Node { get; }

    /// <summary>Dotted path of this mapping within its scope ("" for the scope's root).</summary>
    public string Path { get; }

    public FieldScope Scope { get; }

    public ManifestErrorList Errors { get; }

    public IEnumerable<string> Keys => entries.Keys;

    /// <summary>Wraps <paramref name="node"/> when it is a mapping; otherwise reports the wrong type.</summary>
    public static YamlMappingReader? From(YamlNode node, string path, FieldScope scope, ManifestErrorList errors)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlMappingReader(mapping, path, scope, errors);
        }

        errors.Add(scope, path, "expected a mapping (key: value pairs), got " + Describe(node), node.Start);
        return null;
    }

    public string FieldOf(string key) => Path.Length == 0 ? key : Path + "." + key;

    public bool Has(string key) => entries.ContainsKey(key);

    /// <summary>The value node as written, for checks that need its exact form.</summary>
    public YamlNode? Raw(string key) => entries.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>The key is present with no value (<c>key:</c>, <c>key: ~</c>, <c>key: null</c>).</summary>
    public bool IsNullValue(string key) => entries.TryGetValue(key, out var entry) && IsNull(entry.Value);

    /// <summary>Reports each key that is not in <paramref name="known"/>, suggesting the nearest known key.</summary>
    public void RejectUnknownKeys(IReadOnlyList<string> known)
    {
        foreach (var (name, (key, _)) in entries)
        {
            if (!known.Contains(name))
            {
                var hint = KeySuggestion.Hint(name, known);
                var allowed = hint.Length > 0 ? hint : "; allowed: " + string.Join(", ", known);
                Errors.Add(Scope, FieldOf(name), $"unknown key `{ManifestLimits.Shown(name)}`{allowed}", key.Start);
            }
        }
    }

    /// <summary>The scalar's text; null when absent or null (reported when <paramref name="required"/>).</summary>
    public string? Scalar(string key, bool required = false)
    {
        if (!entries.TryGetValue(key, out var entry) || IsNull(entry.Value))
        {
            ReportMissing(key, required);
            return null;
        }

        if (entry.Value is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Errors.Add(Scope, FieldOf(key), "expected a single value, got " + Describe(entry.Value), entry.Value.Start);
        return null;
    }

    public YamlMappingReader? Mapping(string key, bool required = false)
    {
        if (!entries.TryGetValue(key, out var entry) || IsNull(entry.Value))
        {
            ReportMissing(key, required);
            return null;
        }

        return From(entry.Value, FieldOf(key), Scope, Errors);
    }

    public YamlSequenceNode? Sequence(string key, bool required = false)
    {
        if (!entries.TryGetValue(key, out var entry) || IsNull(entry.Value))
        {
            ReportMissing(key, required);
            return null;
        }

        if (entry.Value is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Errors.Add(Scope, FieldOf(key), "expected a list, got " + Describe(entry.Value), entry.Value.Start);
        return null;
    }

    /// <summary>Where to point at a key's problem: its value, else the key, else this mapping.</summary>
    public Mark MarkOf(string key) =>
        entries.TryGetValue(key, out var entry) ? (IsNull(entry.Value) ? entry.Key.Start : entry.Value.Start) : Node.Start;

    public Mark KeyMark(string key) => entries.TryGetValue(key, out var entry) ? entry.Key.Start : Node.Start;

    /// <summary>Reports a problem with the key itself (it should not be there).</summary>
    public void ErrorAtKey(string key, string message) => Errors.Add(Scope, FieldOf(key), message, KeyMark(key));

    /// <summary>Reports a problem with <paramref name="key"/>'s value.</summary>
    public void Error(string key, string message) => Errors.Add(Scope, FieldOf(key), message, MarkOf(key));

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && scalar.Tag.IsEmpty
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar => $"'{ManifestLimits.Shown(scalar.Value)}'",
        _ => "an alias",
    };

    private void ReportMissing(string key, bool required)
    {
        if (required)
        {
            Errors.Add(Scope, FieldOf(key), "required but missing", MarkOf(key));
        }
    }
}
