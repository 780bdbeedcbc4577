namespace ImagePipeline.GitHubActions;

/// <summary>
/// A job matrix. <paramref name="Matrix"/> is an expression that evaluates to the matrix object
/// (e.g. <c>${{ fromJSON(needs.plan.outputs.matrix) }}</c>), so the set of legs is decided at run time.
/// </summary>
public sealed record JobStrategy(string Matrix)
{
    /// <summary>At most this many legs at once; null means as many as runners allow.</summary>
    public int? MaxParallel { get; init; }

    /// <summary>False lets the other legs finish when one fails (GitHub's default is true).</summary>
    public bool FailFast { get; init; } = true;
}
