using System.Text;

namespace ImagePipeline.GitHubActions;

/// <summary>
/// Turns a <see cref="Workflow"/> into the YAML GitHub reads. The same model always gives the same bytes:
/// keys in GitHub's documented order, maps sorted, <c>\n</c> newlines, one blank line between sections and jobs.
/// </summary>
public static class WorkflowWriter
{
    public static string Write(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var text = new StringBuilder();
        foreach (var line in workflow.Banner)
        {
            text.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
        }

        if (workflow.Banner.Count > 0)
        {
            text.Append('\n');
        }

        return text.Append(YamlWriter.Write(ToYaml(workflow))).ToString();
    }

    public static YamlMapping ToYaml(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var entries = new Entries
        {
            { "name", workflow.Name },
            { "on", Triggers(workflow.On) },
            { "permissions", YamlMapping.Sorted(workflow.Permissions) },
        };
        if (workflow.Concurrency is { } concurrency)
        {
            entries.Add("concurrency", new Entries
            {
                { "group", concurrency.Group },
                { "cancel-in-progress", YamlScalar.Boolean(concurrency.CancelInProgress) },
            }.ToMapping());
        }

        entries.AddIfAny("env", workflow.Env);
        entries.Add("jobs", new YamlMapping([.. workflow.Jobs.Select(job => KeyValuePair.Create(job.Id, (YamlNode)Job(job)))]) { Spaced = true });
        return entries.ToMapping() with { Spaced = true };
    }

    private static YamlMapping Triggers(WorkflowTriggers on)
    {
        var entries = new Entries();
        if (on.Push is { } push)
        {
            entries.Add("push", new Entries { { "branches", YamlSequence.Of(push.Branches) }, { "paths", YamlSequence.Of(push.Paths) } }.ToMapping());
        }

        if (on.PullRequest is { } pullRequest)
        {
            entries.Add("pull_request", new Entries { { "paths", YamlSequence.Of(pullRequest.Paths) } }.ToMapping());
        }

        if (on.WorkflowDispatch is { } dispatch)
        {
            var inputs = dispatch.Inputs.Select(input => KeyValuePair.Create(input.Name, (YamlNode)Input(input)));
            entries.Add("workflow_dispatch", dispatch.Inputs.Count == 0
                ? new YamlMapping([])
                : new Entries { { "inputs", new YamlMapping([.. inputs]) } }.ToMapping());
        }

        return entries.ToMapping();
    }

    private static YamlMapping Input(WorkflowInput input) => new Entries
    {
        { "description", input.Description },
        { "type", "boolean" },
        { "required", YamlScalar.Boolean(false) },
        { "default", YamlScalar.Boolean(input.Default) },
    }.ToMapping();

    private static YamlMapping Job(WorkflowJob job)
    {
        var entries = new Entries();
        entries.AddIfSet("name", job.Name);
        if (job.Needs.Count > 0)
        {
            entries.Add("needs", YamlSequence.Of(job.Needs));
        }

        entries.AddIfSet("if", job.If);
        entries.Add("runs-on", job.RunsOn);
        entries.AddIfSet("environment", job.Environment);
        if (job.TimeoutMinutes is { } timeout)
        {
            entries.Add("timeout-minutes", YamlScalar.Number(timeout));
        }

        if (job.Strategy is { } strategy)
        {
            var strategyEntries = new Entries { { "fail-fast", YamlScalar.Boolean(strategy.FailFast) } };
            if (strategy.MaxParallel is { } maxParallel)
            {
                strategyEntries.Add("max-parallel", YamlScalar.Number(maxParallel));
            }

            strategyEntries.Add("matrix", strategy.Matrix);
            entries.Add("strategy", strategyEntries.ToMapping());
        }

        entries.AddIfAny("outputs", job.Outputs);
        entries.AddIfAny("env", job.Env);
        entries.Add("steps", new YamlSequence([.. job.Steps.Select(Step)]));
        return entries.ToMapping();
    }

    private static YamlMapping Step(WorkflowStep step)
    {
        var entries = new Entries { { "name", step.Name } };
        entries.AddIfSet("id", step.Id);
        entries.AddIfSet("if", step.If);
        if (step.ContinueOnError)
        {
            entries.Add("continue-on-error", YamlScalar.Boolean(true));
        }

        entries.AddIfSet("uses", step.Action);
        entries.AddIfAny("with", step.With);
        entries.AddIfAny("env", step.Env);
        entries.AddIfSet("run", step.Run);
        return entries.ToMapping();
    }

    /// <summary>Ordered mapping entries with collection-initializer syntax.</summary>
    private sealed class Entries : List<KeyValuePair<string, YamlNode>>
    {
        public void Add(string key, YamlNode value) => Add(KeyValuePair.Create(key, value));

        public void AddIfSet(string key, string? value)
        {
            if (value is not null)
            {
                Add(key, value);
            }
        }

        public void AddIfAny(string key, IReadOnlyDictionary<string, string> map)
        {
            if (map.Count > 0)
            {
                Add(key, YamlMapping.Sorted(map));
            }
        }

        public YamlMapping ToMapping() => new(this);
    }
}
