namespace ImagePipeline.GitHubActions;

/// <summary>One job of a workflow. <paramref name="Id"/> is its key under <c>jobs:</c> and how <c>needs</c> refers to it.</summary>
public sealed record WorkflowJob(string Id, IReadOnlyList<WorkflowStep> Steps)
{
    public string? Name { get; init; }

    public string RunsOn { get; init; } = "ubuntu-latest";

    /// <summary>
    /// <c>environment:</c>, the deployment environment the job runs in: its protection rules (e.g. which branches may
    /// deploy) apply before the job starts, and its secrets are given to that job only. Null writes none.
    /// </summary>
    public string? Environment { get; init; }

    /// <summary>Jobs that must finish first (their outputs are <c>needs.&lt;id&gt;.outputs.&lt;name&gt;</c>).</summary>
    public IReadOnlyList<string> Needs { get; init; } = [];

    /// <summary>A condition expression (without <c>${{ }}</c>, as GitHub accepts in <c>if:</c>).</summary>
    public string? If { get; init; }

    /// <summary>Job outputs: name → expression, usually <c>${{ steps.&lt;id&gt;.outputs.&lt;name&gt; }}</c>.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    public JobStrategy? Strategy { get; init; }

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    public int? TimeoutMinutes { get; init; }
}
