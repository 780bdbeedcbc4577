namespace ImagePipeline.Engine;

/// <summary>
/// The outcomes of the steps that finished so far in one run. The executor records them as steps end;
/// conditions read them (through <see cref="BuildBase.StatusOf"/>) from the threads that run other steps.
/// </summary>
internal sealed class RunProgress(TargetGraph graph, BuildPlan plan)
{
    private readonly Lock gate = new();
    private readonly Dictionary<BuildStep, StepResult> results = [];
    private bool failed;

    public StepResult this[BuildStep step]
    {
        get
        {
            lock (gate)
            {
                return results[step];
            }
        }
    }

    public bool HasFailed
    {
        get
        {
            lock (gate)
            {
                return failed;
            }
        }
    }

    public void Record(BuildStep step, StepResult result)
    {
        lock (gate)
        {
            results[step] = result;
            failed |= result.Status == StepStatus.Failed;
        }
    }

    /// <summary>Null until every planned step of the target finished; a family's worst outcome (Failed, NotRun, Succeeded, Skipped).</summary>
    public StepStatus? StatusOf(Target target)
    {
        var steps = graph.Find(target).Steps.Where(plan.Contains).ToList();
        lock (gate)
        {
            if (steps.Count == 0 || !steps.All(results.ContainsKey))
            {
                return null;
            }

            var statuses = steps.Select(step => results[step].Status).ToHashSet();
            return new[] { StepStatus.Failed, StepStatus.NotRun, StepStatus.Succeeded }.FirstOrDefault(statuses.Contains, StepStatus.Skipped);
        }
    }
}
