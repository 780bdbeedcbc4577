using System.Collections.Concurrent;

namespace ImagePipeline.Engine;

/// <summary>
/// The outcomes of the steps that finished so far in one run. The executor records them as steps end;
/// conditions read them (through <see cref="BuildBase.StatusOf"/>) from the threads that run other steps.
/// </summary>
internal sealed class RunProgress(TargetGraph graph, BuildPlan plan)
{
    private readonly ConcurrentDictionary<BuildStep, StepResult> results = [];

    public StepResult this[BuildStep step] => results[step];

    public bool HasFailed => results.Values.Any(result => result.Status == StepStatus.Failed);

    public void Record(BuildStep step, StepResult result) => results[step] = result;

    /// <summary>Null until every planned step of the target finished; a family's worst outcome (Failed, NotRun, Succeeded, Skipped).</summary>
    public StepStatus? StatusOf(Target target)
    {
        var steps = graph.Find(target).Steps.Where(plan.Contains).ToList();
        var statuses = steps.Select(step => results.TryGetValue(step, out var result) ? result.Status : (StepStatus?)null).ToList();
        return steps.Count == 0 || statuses.Contains(null) ? null
            : new StepStatus?[] { StepStatus.Failed, StepStatus.NotRun, StepStatus.Succeeded }.FirstOrDefault(statuses.Contains) ?? StepStatus.Skipped;
    }
}
