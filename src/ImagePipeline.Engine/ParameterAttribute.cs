namespace ImagePipeline.Engine;

/// <summary>
/// Marks a field or property of a build as a parameter, filled from <c>--kebab-name</c> arguments,
/// environment variables, <c>.nuke/parameters.&lt;profile&gt;.json</c> and <c>.nuke/parameters.json</c>, in that order.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>Overrides the member name (which the option, environment and file names derive from).</summary>
    public string? Name { get; init; }
}
