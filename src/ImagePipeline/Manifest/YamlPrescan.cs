using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImagePipeline.Manifest;

/// <summary>
/// Walks the YAML event stream (YamlDotNet's parser is a state machine, not recursive) and stops
/// at the first node nested deeper than <see cref="ManifestLimits.MaxDepth"/> or scalar longer
/// than <see cref="ManifestLimits.MaxScalarLength"/>, before the recursive tree is built.
/// Syntax errors are left to the real load, which reports them the same way.
/// </summary>
internal static class YamlPrescan
{
    /// <summary>False (with the error added) when the text breaks a limit.</summary>
    public static bool WithinLimits(string yamlText, ManifestErrorList errors)
    {
        var parser = new Parser(new StringReader(yamlText));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case NodeEvent { } node and (MappingStart or SequenceStart):
                        if (++depth > ManifestLimits.MaxDepth)
                        {
                            errors.Add(FieldScope.Root, "", $"nested more than {ManifestLimits.MaxDepth} levels deep (mappings and lists); the manifest needs 6", node.Start);
                            return false;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                    case Scalar { Value.Length: > ManifestLimits.MaxScalarLength } scalar:
                        errors.Add(FieldScope.Root, "",
                            $"a value of {scalar.Value.Length:N0} characters is longer than the limit of {ManifestLimits.MaxScalarLength:N0}: '{ManifestLimits.Shown(scalar.Value)}'",
                            scalar.Start);
                        return false;
                }
            }
        }
        catch (YamlException)
        {
            // Reported with its location by the tree load that follows.
        }

        return true;
    }
}
