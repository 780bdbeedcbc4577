namespace ImagePipeline.GitHubActions;

/// <summary><c>on: pull_request</c> (any base branch) when a changed file matches one of <paramref name="Paths"/>.</summary>
public sealed record PullRequestTrigger(IReadOnlyList<string> Paths);
