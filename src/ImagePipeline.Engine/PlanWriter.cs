namespace ImagePipeline.Engine;

/// <summary>Writes <c>--plan</c>: the steps in execution order with skips known before running, and the parameters set.</summary>
internal static class PlanWriter
{
    public static void Write(TextWriter output, BuildPlan plan, int parallelism, IEnumerable<(BuildParameter Parameter, string Value)> parameters)
    {
        output.WriteLine($"Plan: {plan.Steps.Count} steps, parallelism {parallelism}");
        var rows = plan.Steps.Select((step, i) => new[]
        {
            (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            step.Name,
            plan.SkipReasons.TryGetValue(step, out var reason) ? "skipped: " + reason : string.Empty,
        }).ToList();
        if (rows.Count > 0)
        {
            foreach (var line in TextTable.Format(rows, "  "))
            {
                output.WriteLine(line);
            }
        }

        var set = parameters.Select(pair => $"  {pair.Parameter.Option} {pair.Value}").ToList();
        if (set.Count > 0)
        {
            output.WriteLine("Parameters:");
            set.ForEach(output.WriteLine);
        }
    }
}
