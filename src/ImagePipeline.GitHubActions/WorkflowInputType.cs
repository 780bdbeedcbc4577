namespace ImagePipeline.GitHubActions;

/// <summary>The type of a <c>workflow_dispatch</c> input; only <see cref="Boolean"/> inputs compare correctly with <c>== true</c>.</summary>
public enum WorkflowInputType
{
    Text,
    Boolean,
    Number,
    Choice,
}
