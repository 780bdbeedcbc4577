using System.Text;

namespace ImagePipeline.Engine;

/// <summary>
/// Masks the <see cref="SecretRegistry"/>'s secrets in everything written as strings: all engine output (data and
/// logs) passes through one of these. Single characters pass unmasked; the engine and Serilog write whole strings.
/// </summary>
internal sealed class MaskingTextWriter(TextWriter inner, SecretRegistry secrets) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(value);

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value) => inner.Write(value is null ? null : secrets.Mask(value));

    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : secrets.Mask(value));

    public override void Flush() => inner.Flush();
}
