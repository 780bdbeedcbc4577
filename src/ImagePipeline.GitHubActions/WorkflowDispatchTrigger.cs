namespace ImagePipeline.GitHubActions;

/// <summary><c>on: workflow_dispatch</c>: a manual run with typed inputs (read as <c>inputs.name</c>).</summary>
public sealed record WorkflowDispatchTrigger(IReadOnlyList<WorkflowInput> Inputs);
