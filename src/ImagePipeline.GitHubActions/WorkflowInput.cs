namespace ImagePipeline.GitHubActions;

/// <summary>
/// A typed <c>workflow_dispatch</c> input. Create it with <see cref="Boolean"/>, <see cref="Text"/> or
/// <see cref="Choice"/> so the default always has the input's type (a boolean default is written
/// <c>false</c>, never <c>'false'</c>, which a condition would read as a non-empty, truthy string).
/// </summary>
public sealed record WorkflowInput
{
    private WorkflowInput(string name, string description, WorkflowInputType type, YamlScalar? defaultValue, IReadOnlyList<string> options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description;
        Type = type;
        Default = defaultValue;
        Options = options;
    }

    public string Name { get; }

    public string Description { get; }

    public WorkflowInputType Type { get; }

    public bool Required { get; init; }

    public YamlScalar? Default { get; }

    /// <summary>The allowed values of a <see cref="WorkflowInputType.Choice"/> input.</summary>
    public IReadOnlyList<string> Options { get; }

    public static WorkflowInput Boolean(string name, string description, bool defaultValue = false) =>
        new(name, description, WorkflowInputType.Boolean, YamlScalar.Boolean(defaultValue), []);

    public static WorkflowInput Text(string name, string description, string? defaultValue = null) =>
        new(name, description, WorkflowInputType.Text, defaultValue is null ? null : YamlScalar.FromText(defaultValue), []);

    public static WorkflowInput Choice(string name, string description, IReadOnlyList<string> options, string defaultValue)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Contains(defaultValue)
            ? new(name, description, WorkflowInputType.Choice, YamlScalar.FromText(defaultValue), options)
            : throw new ArgumentException($"Default '{defaultValue}' of input {name} is not one of its options", nameof(defaultValue));
    }
}
