using System.Text.Encodings.Web;
using System.Text.Json;

namespace ImagePipeline.Engine;

/// <summary>
/// The secrets of one run, fed as the build learns them (<see cref="BuildBase.RegisterSecret"/>, <see cref="SecretAttribute"/>
/// parameters) and masked as <c>***</c> by every writer: stdout data, logs (text and JSON), the job summary, and what the
/// build masks itself (<see cref="BuildBase.Mask"/>). Thread-safe: secrets arrive while targets run in parallel.
/// </summary>
internal sealed class SecretRegistry
{
    /// <summary>Shorter values are not masked: masking "a" would blank every line.</summary>
    public const int MinimumLength = 4;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock gate = new();
    private string[] values = [];

    /// <summary>
    /// Registers the whole value and each of its lines (tools print a multi-line key line by line), each also as
    /// JSON writes it. Returns false, registering nothing, when the value is shorter than <see cref="MinimumLength"/>.
    /// </summary>
    public bool Add(string? secret)
    {
        if (secret is null || secret.Trim().Length < MinimumLength)
        {
            return false;
        }

        var parts = secret.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).Where(line => line.Length >= MinimumLength).Prepend(secret);
        var forms = parts.SelectMany(part => new[] { part, Json(part, Relaxed), Json(part, JsonSerializerOptions.Default) });
        lock (gate)
        {
            // Longest first, so a secret that contains another is masked whole.
            values = [.. values.Concat(forms).Distinct(StringComparer.Ordinal).OrderByDescending(value => value.Length)];
        }

        return true;
    }

    public string Mask(string text)
    {
        foreach (var secret in Volatile.Read(ref values))
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }

    private static string Json(string value, JsonSerializerOptions options) => JsonSerializer.Serialize(value, options)[1..^1];
}
