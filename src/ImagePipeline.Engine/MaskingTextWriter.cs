using System.Text;

namespace ImagePipeline.Engine;

/// <summary>
/// Replaces secret values with <c>***</c> in everything written as strings: the last line of defence
/// should a secret reach a log message, an exception message or a note. All engine output passes through it.
/// </summary>
internal sealed class MaskingTextWriter(TextWriter inner) : TextWriter
{
    private volatile string[] secrets = [];

    public override Encoding Encoding => inner.Encoding;

    /// <summary>Adds values to mask, also in their JSON-escaped form (as JSON logs write them).</summary>
    public void AddSecrets(IEnumerable<string> values)
    {
        var escaped = values.Where(value => value.Length > 0)
            .SelectMany(value => new[] { value, value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) });
        secrets = [.. secrets.Concat(escaped).Distinct().OrderByDescending(value => value.Length)];
    }

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(Mask(value));

    public override void WriteLine(string? value) => inner.WriteLine(Mask(value));

    public override void Flush() => inner.Flush();

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public string? Mask(string? value)
    {
        if (value is null)
        {
            return null;
        }

        foreach (var secret in secrets)
        {
            value = value.Replace(secret, "***", StringComparison.Ordinal);
        }

        return value;
    }
}
