namespace ImagePipeline.Engine;

/// <summary>
/// Marks a field or property of a build as a parameter, filled from <c>--kebab-name</c> arguments, environment
/// variables (see <see cref="BuildBase.EnvironmentPrefix"/>) and <c>.nuke/parameters.json</c>, in that order.
/// A property's setter may check the value and throw a usage error (exit 2) before anything runs.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>Overrides the member name (which the option, environment and file names derive from).</summary>
    public string? Name { get; init; }

    /// <summary>How help shows the value, e.g. <c>path</c> for <c>--manifest &lt;path&gt;</c>.</summary>
    public string? ValueName { get; init; }

    /// <summary>Smallest value accepted by an <c>int</c> parameter.</summary>
    public int Minimum { get; init; } = int.MinValue;

    /// <summary>Largest value accepted by an <c>int</c> parameter.</summary>
    public int Maximum { get; init; } = int.MaxValue;
}
