namespace ImagePipeline.GitHubActions;

/// <summary><c>concurrency:</c> runs in the same group wait for each other (or cancel the running one).</summary>
public sealed record WorkflowConcurrency(string Group, bool CancelInProgress);
