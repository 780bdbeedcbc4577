using Serilog;
using Serilog.Context;

namespace ImagePipeline.Engine;

/// <summary>
/// Runs a plan: a step starts once everything it waits for has finished, at most <c>parallelism</c> at a time,
/// picking ready steps in plan order. Whether a step runs depends only on its dependencies' statuses
/// (and on conditions, which may read what finished), so any parallelism yields the results of a serial run
/// unless a condition reads a step it does not wait for.
/// </summary>
/// <param name="parallelism">How many steps may run at once.</param>
/// <param name="verbose">Log stack traces of failures.</param>
/// <param name="groups">Where to write <c>::group::</c>/<c>::endgroup::</c> around each running step (GitHub Actions, serial runs); null for none.</param>
internal sealed class Executor(BuildPlan plan, RunProgress progress, ILogger log, TimeProvider time, int parallelism, bool verbose, TextWriter? groups)
{
    /// <summary>Runs the plan; never throws for a step's failure or cancellation. Returns results in plan order.</summary>
    public async Task<IReadOnlyList<StepResult>> RunAsync(CancellationToken cancellationToken)
    {
        var position = plan.Steps.Select((step, i) => (step, i)).ToDictionary(pair => pair.step, pair => pair.i);
        var waiting = plan.Steps.ToDictionary(step => step, step => plan.WaitsFor(step).Count());
        var dependents = plan.Steps.SelectMany(step => plan.WaitsFor(step).Select(before => (before, step)))
            .ToLookup(pair => pair.before, pair => pair.step);
        var ready = new SortedSet<int>(plan.Steps.Where(step => waiting[step] == 0).Select(step => position[step]));
        var running = new Dictionary<Task<StepResult>, BuildStep>();

        void Finish(BuildStep step, StepResult result)
        {
            progress.Record(step, result);
            foreach (var dependent in dependents[step])
            {
                if (--waiting[dependent] == 0)
                {
                    ready.Add(position[dependent]);
                }
            }
        }

        while (ready.Count > 0 || running.Count > 0)
        {
            while (ready.Count > 0 && running.Count < parallelism)
            {
                var step = plan.Steps[ready.Min];
                ready.Remove(ready.Min);
                if (Decide(step, cancellationToken) is { } decided)
                {
                    Report(step, decided);
                    Finish(step, decided);
                }
                else
                {
                    running.Add(Task.Run(() => RunAsync(step, cancellationToken), CancellationToken.None), step);
                }
            }

            if (running.Count > 0)
            {
                var finished = await Task.WhenAny(running.Keys);
                Finish(running[finished], await finished);
                running.Remove(finished);
            }
        }

        return [.. plan.Steps.Select(step => progress[step])];
    }

    /// <summary>The result of a step that will not run its actions, or null when it should run.</summary>
    private StepResult? Decide(BuildStep step, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Result(step, StepStatus.NotRun, TimeSpan.Zero, "cancelled");
        }

        // A plain target depending on a family collects its members; every other dependency is one-to-one.
        bool Collected(BuildStep dependency) => step.Input is null && dependency.Input is not null;

        if (step.Dependencies.FirstOrDefault(d => !Collected(d) && !LetsDependentsRun(d)) is { } failed)
        {
            var what = progress[failed].Status is StepStatus.Failed ? "failed" : "did not run";
            return Result(step, StepStatus.NotRun, TimeSpan.Zero, $"{failed.Name} {what}");
        }

        // A collecting target fails, rather than not running, naming what let each member down ("b: Verify failed").
        var causes = step.Dependencies.Where(d => Collected(d) && !LetsDependentsRun(d)).Select(Cause).Distinct().ToList();
        if (causes.Count > 0)
        {
            return Result(step, StepStatus.Failed, TimeSpan.Zero, string.Join("; ", causes.Select(cause =>
                (cause.Input is null ? string.Empty : cause.Input + ": ") + cause.Target.Name + (progress[cause].Status is StepStatus.Failed ? " failed" : " did not run"))));
        }

        return plan.SkipReasons.TryGetValue(step, out var reason) ? Result(step, StepStatus.Skipped, TimeSpan.Zero, reason) : null;
    }

    /// <summary>The step that stopped <paramref name="step"/>: itself when it failed, else (recursively) the dependency that stopped it.</summary>
    private BuildStep Cause(BuildStep step) =>
        progress[step].Status is StepStatus.NotRun && step.Dependencies.FirstOrDefault(d => !LetsDependentsRun(d)) is { } blocker
            ? Cause(blocker)
            : step;

    private bool LetsDependentsRun(BuildStep step) => progress[step].Status switch
    {
        StepStatus.Succeeded or StepStatus.Skipped => true,
        StepStatus.Failed => step.Target.Definition.ProceedsAfterFailure,
        _ => false,
    };

    private async Task<StepResult> RunAsync(BuildStep step, CancellationToken cancellationToken)
    {
        using var _ = LogContext.PushProperty(BuildLogger.TargetProperty, step.Name);
        var started = time.GetTimestamp();
        groups?.WriteLine("::group::" + step.Name);

        StepResult result;
        try
        {
            var definition = step.Target.Definition;
            var unmet = definition.Conditions.FirstOrDefault(condition => !condition.Condition(step.Input!));
            if (unmet.Condition is not null)
            {
                result = Result(step, StepStatus.Skipped, time.GetElapsedTime(started), unmet.Reason);
            }
            else
            {
                log.Information("Started");
                foreach (var action in definition.Actions)
                {
                    await action(step.Input, cancellationToken);
                }

                result = Result(step, StepStatus.Succeeded, time.GetElapsedTime(started), null);
            }
        }
#pragma warning disable CA1031 // A target's failure, whatever its type, is recorded and must not stop the other targets.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var cancelled = e is OperationCanceledException && cancellationToken.IsCancellationRequested;
            result = Result(step, StepStatus.Failed, time.GetElapsedTime(started), cancelled ? "cancelled" : e.Message) with { Exception = e };
        }

        // Recorded before the loop learns of it, so a step starting meanwhile already sees it.
        progress.Record(step, result);
        Report(step, result);
        groups?.WriteLine("::endgroup::");

        return result;
    }

    private void Report(BuildStep step, StepResult result)
    {
        using var _ = LogContext.PushProperty(BuildLogger.TargetProperty, step.Name);
        switch (result.Status)
        {
            case StepStatus.Succeeded:
                // Seconds as a number for JSON logs; the text keeps the summary's m:ss.
                log.ForContext("Seconds", result.Duration.TotalSeconds).Information("Succeeded in {Duration}", StepResult.FormatDuration(result.Duration));
                break;
            case StepStatus.Skipped:
                log.Information("Skipped: {Reason}", result.Note);
                break;
            case StepStatus.NotRun:
                log.Warning("Not run: {Reason}", result.Note);
                break;
            case StepStatus.Failed when verbose && result.Exception is not null:
                log.Error(result.Exception, "{Error}", result.Note);
                break;
            case StepStatus.Failed:
                log.Error("{Error}", result.Note);
                break;
        }
    }

    private static StepResult Result(BuildStep step, StepStatus status, TimeSpan duration, string? note) =>
        new(step.Target.Name, step.Input, status, duration, note);
}
