using System.Collections.Concurrent;

namespace ImagePipeline.Engine.Tests;

/// <summary>
/// A build shaped like the real one: Validate → Acquire[item] → Verify[item] → Sync (collective), Prune after Sync.
/// Parameters choose which inputs fail or are unchanged, so tests drive it from the command line.
/// </summary>
public sealed class ChainBuild : BuildBase
{
    [Parameter("Inputs to process")]
    public string[] Inputs { get; private set; } = ["a", "b", "c"];

    [Parameter("Inputs whose Acquire throws")]
    public string[] Fail { get; private set; } = [];

    [Parameter("Inputs that need no Acquire")]
    public string[] Unchanged { get; private set; } = [];

    [Parameter("Make Validate reject the input")]
    public bool Invalid { get; private set; }

    [Parameter("Inputs whose Verify throws")]
    public string[] Mismatch { get; private set; } = [];

    [Parameter("Words added to every failure message")]
    public string Reason { get; private set; } = "";

    /// <summary>Names of the actions that ran, in completion order.</summary>
    public ConcurrentQueue<string> Ran { get; } = new();

    /// <summary>Set by a test to observe or cancel members while they run.</summary>
    public Func<string, CancellationToken, Task>? OnAcquire { get; set; }

    public Target Validate => _ => _
        .Description("Check the inputs")
        .Runs(() =>
        {
            Ran.Enqueue(nameof(Validate));
            if (Invalid)
            {
                throw new UsageException("inputs are invalid");
            }
        });

    public Target Acquire => _ => _
        .Description("Fetch one input")
        .ForEach(() => Inputs, "item")
        .DependsOn(Validate)
        .OnlyWhen(input => !Unchanged.Contains(input), "unchanged")
        .Executes(async (input, ct) =>
        {
            Log.Information("Fetching {Input}", input);
            if (OnAcquire is not null)
            {
                await OnAcquire(input, ct);
            }

            Ran.Enqueue($"Acquire[{input}]");
            if (Fail.Contains(input))
            {
                throw new InvalidOperationException($"cannot fetch {input}{Reason}");
            }
        });

    public Target Verify => _ => _
        .ForEach(() => Inputs, "item")
        .DependsOn(Acquire)
        .Executes((input, _) =>
        {
            Ran.Enqueue($"Verify[{input}]");
            return Mismatch.Contains(input) ? throw new InvalidDataException($"the digest of {input} does not match{Reason}") : Task.CompletedTask;
        });

    public Target Sync => _ => _
        .Description("Process every input")
        .DependsOn(Verify)
        .Runs(() =>
        {
            Ran.Enqueue(nameof(Sync));
            Output.WriteLine("synced " + string.Join(' ', Inputs));
        });

    public Target Prune => _ => _
        .Description("Remove what is left over")
        .DependsOn(Validate)
        .After(Sync)
        .Executes(async ct =>
        {
            await Task.Yield();
            Ran.Enqueue(nameof(Prune));
        });

    public Target Internal => _ => _
        .Unlisted()
        .Runs(() => Ran.Enqueue(nameof(Internal)));
}
