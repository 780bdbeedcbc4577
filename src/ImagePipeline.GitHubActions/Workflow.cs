namespace ImagePipeline.GitHubActions;

/// <summary>
/// A GitHub Actions workflow, as much of it as builds need. <see cref="WorkflowWriter"/> turns it into YAML;
/// maps (permissions, env) are written sorted by key, lists (inputs, jobs, steps) in the order given.
/// </summary>
/// <param name="Name">The workflow's display name.</param>
/// <param name="On">When it runs.</param>
/// <param name="Jobs">Its jobs, in the order they are written.</param>
public sealed record Workflow(string Name, WorkflowTriggers On, IReadOnlyList<WorkflowJob> Jobs)
{
    /// <summary>Comment lines written above the workflow (without the leading <c>#</c>), e.g. how to regenerate it.</summary>
    public IReadOnlyList<string> Banner { get; init; } = [];

    /// <summary>Workflow-wide <c>GITHUB_TOKEN</c> permissions (scope → read/write/none); empty writes <c>permissions: {}</c>.</summary>
    public IReadOnlyDictionary<string, string> Permissions { get; init; } = new Dictionary<string, string>();

    public WorkflowConcurrency? Concurrency { get; init; }

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
}
