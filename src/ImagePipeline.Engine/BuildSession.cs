using Serilog;

namespace ImagePipeline.Engine;

/// <summary>One run of a build: bind parameters, then help, plan, or execute and summarise.</summary>
internal sealed class BuildSession(BuildBase build, BuildContext context)
{
    private readonly bool gitHubActions = WorkflowCommands.IsRunning(context.Environment);

    public async Task<BuildResult> RunAsync(IReadOnlyList<string> args)
    {
        using var masked = new MaskingTextWriter(context.Output, build.Secrets);
        // Logs pass the masking writer, then the route: stderr, or a live display while one owns the terminal.
        using var route = new LogRoute(context.Log, build.Secrets, context.TerminalWidth is null ? null : Columns ?? context.TerminalWidth);
        using var maskedLog = new MaskingTextWriter(route, build.Secrets);
        var output = TextWriter.Synchronized(masked);
        // One lock when both streams are one writer (tests), so lines from both never interleave mid-line.
        var shared = ReferenceEquals(context.Output, context.Log);
        var logOutput = shared ? output : TextWriter.Synchronized(maskedLog);
        var log = BuildLogger.Create(logOutput, LogFormat.Text, Verbosity.Normal, gitHubActions);
        try
        {
            var parameters = BuildParameter.Discover(build.GetType());
            var defaults = parameters.ToDictionary(p => p, p => p.GetValue(build));
            var graph = TargetGraph.Create(build, parameters);
            var commandLine = CommandLine.Parse(args, parameters, [.. graph.Targets.Select(t => t.Name)]);
            build.EnvironmentVariables = context.Environment;
            build.Output = output;
            // Data and logs on one writer (a test's) is no terminal a display could own.
            build.LogRoute = shared ? null : route;
            build.RootDirectory = ParameterBinder.Bind(build, parameters, commandLine, context);

            await log.DisposeAsync();
            log = BuildLogger.Create(logOutput, build.LogFormat, build.Verbosity, gitHubActions);
            build.Log = log;
            foreach (var secret in parameters.Where(p => p.IsSecret).SelectMany(p => Strings(p.GetValue(build))))
            {
                build.RegisterSecret(secret);
            }

            var logger = log;
            using var stopping = context.CancellationToken.Register(() =>
                logger.Warning("Cancelled: stopping the running targets, cleaning up, then the summary; a second signal stops at once"));
            List<string> targets = [.. commandLine.Targets, .. build.Targets];
            var help = new HelpWriter(output, graph, parameters, defaults, build.EnvironmentPrefixOf);
            if (build.Help || commandLine.HelpWord || args.Count == 0)
            {
                targets.ForEach(help.WriteTarget);
                if (targets.Count == 0)
                {
                    help.WriteAll();
                }

                return new BuildResult(BuildResult.Success, [], TimeSpan.Zero);
            }

            if (build.Version)
            {
                output.WriteLine(HelpWriter.VersionLine(build.GetType().Assembly));
                return new BuildResult(BuildResult.Success, [], TimeSpan.Zero);
            }

            if (targets.Count == 0)
            {
                // A run that was asked for something must not pass for done by printing help.
                throw new UsageException("No target given: name one, e.g. build Sync (options may come before or after it); build --help lists the targets.");
            }

            var changed = Changed(parameters, defaults);
            changed.ForEach(pair => log.Debug("Parameter {Option} = {Value}", pair.Parameter.Option, pair.Value));

            graph.Expand(targets);
            var plan = BuildPlan.Create(graph, targets, build.Skip);
            if (build.Plan)
            {
                plan.Write(output, build.Parallelism, changed.Where(pair => !pair.Parameter.IsEngineOption));
                return new BuildResult(BuildResult.Success, [], TimeSpan.Zero);
            }

            var (steps, duration) = await RunPlanAsync(graph, plan, log, logOutput);
            var result = new BuildResult(BuildResult.ExitCodeFor(steps, build.IsUsageFailure), steps, duration);
            await FinishAsync(log, result);
            return Summarise(log, logOutput, result);
        }
        catch (Exception e) when (build.IsUsageFailure(e))
        {
            log.Error("{Error}", e.Message);
            return new BuildResult(BuildResult.UsageError, [], TimeSpan.Zero, build.Secrets.Mask(e.Message));
        }
#pragma warning disable CA1031 // Whatever the families' inputs throw ends the build with exit code 1 and a logged error.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var message = e is OperationCanceledException && context.CancellationToken.IsCancellationRequested ? "cancelled" : e.Message;
            log.Error(build.Verbosity == Verbosity.Verbose ? e : null, "{Error}", message);

            return new BuildResult(BuildResult.TargetFailed, [], TimeSpan.Zero, build.Secrets.Mask(message));
        }
        finally
        {
            await log.DisposeAsync();
            await output.FlushAsync();
            await logOutput.FlushAsync();
        }
    }

    private async Task<(IReadOnlyList<StepResult> Steps, TimeSpan Duration)> RunPlanAsync(TargetGraph graph, BuildPlan plan, ILogger log, TextWriter output)
    {
        var progress = new RunProgress(graph, plan);
        build.Progress = progress;
        // Interleaved groups would be unreadable, so GitHub groups are only written when steps run one at a time.
        var groups = gitHubActions && build.Parallelism == 1 ? output : null;
        var started = context.TimeProvider.GetTimestamp();
        var steps = await new Executor(plan, progress, log, context.TimeProvider, build.Parallelism, build.Verbosity == Verbosity.Verbose, groups)
            .RunAsync(context.CancellationToken);
        return (steps, context.TimeProvider.GetElapsedTime(started));
    }

    /// <summary>Lets the build report on the run; its failure is logged but does not change the targets' outcome.</summary>
    private async Task FinishAsync(ILogger log, BuildResult result)
    {
        try
        {
            await build.FinishAsync(result, CancellationToken.None);
        }
#pragma warning disable CA1031 // A broken report must not hide the summary of what actually ran.
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.Error("Reporting the run failed: {Error}", e.Message);
        }
    }

    private BuildResult Summarise(ILogger log, TextWriter output, BuildResult result)
    {
        if (build.LogFormat == LogFormat.Json)
        {
            foreach (var step in result.Steps)
            {
                log.Information("Result {Step} {Status} {Seconds} {Note}", step.Name, step.Status, step.Duration.TotalSeconds, step.Note);
            }
        }
        else if (build.Verbosity != Verbosity.Quiet || result.ExitCode != BuildResult.Success)
        {
            SummaryWriter.WriteText(output, result, SummaryWidth());
        }

        build.AppendStepSummary(SummaryWriter.Markdown(result));
        return result;
    }

    /// <summary><c>COLUMNS</c> (as shells export it) when it is a usable width (40 or more); it overrides the terminal's.</summary>
    private int? Columns => int.TryParse(context.Environment.GetValueOrDefault("COLUMNS"), out var columns) && columns >= 40 ? columns : null;

    /// <summary><see cref="Columns"/>, else the terminal's width, else <see cref="SummaryWriter.DefaultWidth"/>.</summary>
    private int SummaryWidth() =>
        Columns ?? (context.TerminalWidth is >= 40 and var terminal ? terminal : SummaryWriter.DefaultWidth);

    /// <summary>Parameters whose value differs from the build's initial value, displayed (secrets masked).</summary>
    private List<(BuildParameter Parameter, string Value)> Changed(IReadOnlyList<BuildParameter> parameters, Dictionary<BuildParameter, object?> defaults) =>
    [
        .. parameters
            .Select(p => (Parameter: p, Raw: p.Display(p.GetValue(build), mask: false)))
            .Where(pair => pair.Raw is not null && pair.Raw != pair.Parameter.Display(defaults[pair.Parameter], mask: false))
            .Select(pair => (pair.Parameter, pair.Parameter.Display(pair.Parameter.GetValue(build))!)),
    ];

    private static string[] Strings(object? value) => value switch
    {
        string text => [text],
        string[] texts => texts,
        _ => [],
    };
}
