namespace ImagePipeline.GitHubActions;

/// <summary>
/// A boolean <c>workflow_dispatch</c> input, read as <c>inputs.name</c>. Its default is written <c>false</c>,
/// never <c>'false'</c>, which a condition would read as a non-empty, truthy string.
/// </summary>
public sealed record WorkflowInput
{
    private WorkflowInput(string name, string description, bool defaultValue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description;
        Default = defaultValue;
    }

    public string Name { get; }

    public string Description { get; }

    public bool Default { get; }

    public static WorkflowInput Boolean(string name, string description, bool defaultValue = false) => new(name, description, defaultValue);
}
