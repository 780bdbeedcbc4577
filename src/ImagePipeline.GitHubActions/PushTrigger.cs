namespace ImagePipeline.GitHubActions;

/// <summary><c>on: push</c> to <paramref name="Branches"/>, when a changed file matches one of <paramref name="Paths"/> (globs).</summary>
public sealed record PushTrigger(IReadOnlyList<string> Branches, IReadOnlyList<string> Paths);
