namespace ImagePipeline.GitHubActions;

/// <summary>One step of a job: either an action (<see cref="Action"/>) or a shell script (<see cref="Run"/>).</summary>
public sealed record WorkflowStep
{
    private WorkflowStep(string name, string? action, string? run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Action = action;
        Run = run;
    }

    public string Name { get; }

    /// <summary>The step id, for <c>steps.&lt;id&gt;.outputs</c>.</summary>
    public string? Id { get; init; }

    /// <summary>A condition expression (without <c>${{ }}</c>).</summary>
    public string? If { get; init; }

    /// <summary><c>uses:</c>, e.g. <c>actions/checkout@v4</c>.</summary>
    public string? Action { get; }

    /// <summary>The action's inputs.</summary>
    public IReadOnlyDictionary<string, string> With { get; init; } = new Dictionary<string, string>();

    /// <summary>The script of a <c>run:</c> step.</summary>
    public string? Run { get; }

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>True lets the job go on (and succeed) when this step fails; its <c>outcome</c> still says failure.</summary>
    public bool ContinueOnError { get; init; }

    public static WorkflowStep Uses(string name, string action, IReadOnlyDictionary<string, string>? with = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return new WorkflowStep(name, action, null) { With = with ?? new Dictionary<string, string>() };
    }

    public static WorkflowStep Script(string name, string run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(run);
        return new WorkflowStep(name, null, run);
    }
}
