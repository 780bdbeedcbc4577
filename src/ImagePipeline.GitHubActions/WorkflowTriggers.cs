namespace ImagePipeline.GitHubActions;

/// <summary>The <c>on:</c> section; a null trigger is not written.</summary>
public sealed record WorkflowTriggers
{
    public PushTrigger? Push { get; init; }

    public PullRequestTrigger? PullRequest { get; init; }

    public WorkflowDispatchTrigger? WorkflowDispatch { get; init; }
}
