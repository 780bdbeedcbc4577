using System.Text.Json;

namespace ImagePipeline.Engine.Tests;

/// <summary>Learns a secret while running (as a build decrypting credentials does), then writes it everywhere it can.</summary>
public sealed class SecretBuild : BuildBase
{
    [Parameter("File the target reads its secret from, as a build decrypts credentials", ValueName = "path")]
    public string LearnFrom { get; private set; } = "";

    [Parameter("A file the target writes through Mask", ValueName = "path")]
    public string? File { get; private set; }

    public Target Leak => _ => _.Executes(async ct =>
    {
        var learned = await System.IO.File.ReadAllTextAsync(LearnFrom, ct);
        RegisterSecret(learned);
        Output.WriteLine($"data: {learned}");
        Log.Information("as a property: {Value}", learned);
        foreach (var line in learned.Split('\n'))
        {
            Log.Information("one line: " + line);
        }

        AppendStepSummary($"summary: {learned}\n");
        if (File is not null)
        {
            await System.IO.File.WriteAllTextAsync(File, Mask(JsonSerializer.Serialize(new { key = learned })), ct);
        }

        throw new InvalidOperationException($"the server refused {learned}");
    });
}
