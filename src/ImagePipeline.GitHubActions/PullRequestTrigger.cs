namespace ImagePipeline.GitHubActions;

/// <summary><c>on: pull_request</c> when a changed file matches one of <paramref name="Paths"/>; any base branch when <see cref="Branches"/> is empty.</summary>
public sealed record PullRequestTrigger(IReadOnlyList<string> Paths)
{
    public IReadOnlyList<string> Branches { get; init; } = [];
}
