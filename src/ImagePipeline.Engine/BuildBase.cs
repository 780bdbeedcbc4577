using System.Runtime.InteropServices;
using Serilog;

namespace ImagePipeline.Engine;

/// <summary>
/// Base of a build: declare <see cref="Target"/> properties and <see cref="ParameterAttribute"/> members in a
/// derived class and call <see cref="ExecuteAsync{T}(string[])"/> from <c>Main</c>.
/// Exit codes: 0 success (skips included), 1 a target failed or the build was cancelled, 2 usage error
/// (see <see cref="IsUsageError"/>), 130 and 143 after SIGINT and SIGTERM.
/// </summary>
public abstract class BuildBase
{
    [Parameter("Show this help; with targets, what they do, what they run and the parameters they use")]
    internal bool Help { get; private set; }

    [Parameter("Print the tool's version and the commit it was built from")]
    internal bool Version { get; private set; }

    [Parameter("Print the execution plan and exit")]
    internal bool Plan { get; private set; }

    [Parameter("Targets to run, besides those named as words", Name = "Target", ValueName = "target")]
    internal string[] Targets { get; private set; } = [];

    [Parameter("Skip these targets; without names, skip every target that was not invoked", ValueName = "target")]
    internal string[]? Skip { get; private set; }

    [Parameter("The repository root (default: the nearest folder at or above the working directory that holds .nuke/)", ValueName = "path")]
    internal string? Root { get; private set; }

    [Parameter("How many independent targets run at once", Minimum = 1)]
    public int Parallelism { get; private set; } = 2;

    [Parameter("Log output format")]
    public LogFormat LogFormat { get; private set; } = LogFormat.Text;

    [Parameter("quiet: warnings and errors only; verbose: also debug messages and stack traces")]
    public Verbosity Verbosity { get; private set; } = Verbosity.Normal;

    /// <summary><c>--root</c>, else the nearest folder at or above the working directory that holds <c>.nuke/</c>, else the working directory.</summary>
    protected internal string RootDirectory { get; internal set; } = Directory.GetCurrentDirectory();

    /// <summary>The environment the build runs in (the process's, or a test's).</summary>
    protected internal IReadOnlyDictionary<string, string> EnvironmentVariables { get; internal set; } = new Dictionary<string, string>();

    /// <summary>Where the build writes data (tables, JSON): stdout; secrets are masked.</summary>
    protected internal TextWriter Output { get; internal set; } = TextWriter.Null;

    /// <summary>The build's logger; events logged while a target runs carry its name.</summary>
    protected internal ILogger Log { get; internal set; } = Serilog.Core.Logger.None;

    /// <summary>Where log text goes: stderr, or a live display (see <see cref="DivertLog"/>); null when the logs share the data's writer.</summary>
    internal LogRoute? LogRoute { get; set; }

    /// <summary>
    /// Columns of the terminal the logs (stderr) go to (<c>COLUMNS</c> when set); null when they go to a pipe, a file or a test's writer.
    /// A build draws a live display only when this is set (and it decides whether CI or <c>TERM=dumb</c> rule it out).
    /// </summary>
    protected int? LogTerminalWidth => LogRoute?.TerminalWidth;

    /// <summary>
    /// Lets a live display own the log terminal until the returned handle is disposed: <paramref name="display"/> gets the
    /// terminal's writer (secrets masked) to draw on and returns the writer the engine's log text goes to meanwhile (masked,
    /// one write per event), which must print it above the display's region. Without a terminal (<see cref="LogTerminalWidth"/>
    /// null) nothing is diverted and <paramref name="display"/> is not called.
    /// </summary>
    protected IDisposable DivertLog(Func<TextWriter, TextWriter> display) =>
        LogRoute is { TerminalWidth: not null } route ? route.Divert(display) : NoDiversion.Instance;

    /// <summary>Every secret of this run, masked by every writer.</summary>
    internal SecretRegistry Secrets { get; } = new();

    /// <summary>
    /// Masks <paramref name="value"/> (the whole, and each line of a multi-line value) as <c>***</c> in everything the
    /// run writes from now on: stdout, logs, the job summary, and text the build passes through <see cref="Mask"/>.
    /// Call it as soon as a secret is known (a decrypted key, an environment value handed to a tool). Values shorter than
    /// 4 characters are not masked (that would blank ordinary text); a warning says so.
    /// </summary>
    protected internal void RegisterSecret(string? value)
    {
        if (!Secrets.Add(value) && !string.IsNullOrEmpty(value))
        {
            Log.Warning("A secret shorter than {Minimum} characters cannot be masked; it may appear in the output", SecretRegistry.MinimumLength);
        }
    }

    /// <summary>The registered secrets masked in <paramref name="text"/>, for what the build writes itself (a plan file).</summary>
    protected string Mask(string text) => Secrets.Mask(text);

    /// <summary>Appends Markdown to the CI job summary (<c>GITHUB_STEP_SUMMARY</c>) when the run has one, secrets masked.</summary>
    protected internal void AppendStepSummary(string markdown)
    {
        if (EnvironmentVariables.GetValueOrDefault("GITHUB_STEP_SUMMARY") is { Length: > 0 } file)
        {
            File.AppendAllText(file, Mask(markdown));
        }
    }

    /// <summary>What has finished so far in this run; null before the targets start (help, plan, input evaluation).</summary>
    internal RunProgress? Progress { get; set; }

    /// <summary>
    /// How <paramref name="target"/> ended in this run, for conditions (evaluated right before a step runs)
    /// and <see cref="OnFinishedAsync"/>. Null while it has not finished or when it is not part of the plan.
    /// For a family, once every planned member finished: Failed if any member failed, else NotRun if any did
    /// not run, else Succeeded if any succeeded, else Skipped.
    /// </summary>
    protected StepStatus? StatusOf(Target target) => Progress?.StatusOf(target);

    /// <summary>True once any step of this run has Failed.</summary>
    protected bool HasFailed => Progress?.HasFailed ?? false;

    /// <summary>
    /// Whether <paramref name="exception"/> means the user must fix their input or configuration (exit code 2)
    /// rather than that work failed (exit code 1). Asked for what target actions, conditions, family inputs and
    /// parameter binding throw; the step is Failed either way. Override to recognise the domain's types; the
    /// engine's own <see cref="UsageException"/> counts whatever an override answers.
    /// </summary>
    protected virtual bool IsUsageError(Exception exception) => exception is UsageException;

    internal bool IsUsageFailure(Exception exception) => exception is UsageException || IsUsageError(exception);

    /// <summary>
    /// Prefix of the environment variables that set build parameters (e.g. <c>MYTOOL_</c>: <c>MYTOOL_MAX_DELETE</c>).
    /// Engine options are never read from the environment; build parameters are read from the prefixed name, then
    /// from the bare name when it has two words or more (<c>MAX_DELETE</c>; one-word names such as <c>PREFIX</c> are
    /// everyday shell variables, so they count only with the prefix).
    /// </summary>
    protected virtual string EnvironmentPrefix => string.Empty;

    internal string EnvironmentPrefixOf => EnvironmentPrefix;

    /// <summary>
    /// Runs a build on the real console, environment and current directory. SIGINT (Ctrl-C) and SIGTERM (what CI
    /// runners send on cancel) cancel it cooperatively: running targets see their token cancelled,
    /// <see cref="OnFinishedAsync"/> still runs and the summary is written; the exit code is then 130 (SIGINT) or
    /// 143 (SIGTERM). A second signal ends the process at once with that code.
    /// </summary>
    public static async Task<int> ExecuteAsync<T>(string[] args)
        where T : BuildBase, new()
    {
        using var cancellation = new CancellationTokenSource();
        var signalled = 0;
        void OnSignal(PosixSignalContext signal)
        {
            var exitCode = signal.Signal == PosixSignal.SIGINT ? BuildResult.Interrupted : BuildResult.Terminated;
            if (Interlocked.CompareExchange(ref signalled, exitCode, 0) != 0)
            {
                Environment.Exit(exitCode);
            }

            signal.Cancel = true;
            // Token callbacks (the session logs that it is stopping) run on the thread pool, not on the signal thread.
            _ = cancellation.CancelAsync();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var code = await ExecuteAsync<T>(args, BuildContext.FromProcess(cancellation.Token));
        return signalled != 0 ? signalled : code;
    }

    /// <summary>Runs a build in the given context and returns its exit code.</summary>
    public static async Task<int> ExecuteAsync<T>(string[] args, BuildContext context)
        where T : BuildBase, new() =>
        (await RunAsync(new T(), args, context)).ExitCode;

    /// <summary>Runs <paramref name="build"/> in the given context; the result holds the exit code and every step's outcome.</summary>
    public static Task<BuildResult> RunAsync(BuildBase build, IReadOnlyList<string> args, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(context);
        return new BuildSession(build, context).RunAsync(args);
    }

    /// <summary>
    /// Called after the targets ran (also when some failed or were cancelled) and before the summary is printed,
    /// with every step's outcome; e.g. to abort what the run left staged, or to append a table to the CI job summary.
    /// Its token is not the run's (which may be cancelled by now): cleanup after a signal must still run; a second
    /// signal ends the process. What it throws is logged and does not change the exit code.
    /// </summary>
    protected virtual Task OnFinishedAsync(BuildResult result, CancellationToken cancellationToken) => Task.CompletedTask;

    internal Task FinishAsync(BuildResult result, CancellationToken cancellationToken) => OnFinishedAsync(result, cancellationToken);
}
