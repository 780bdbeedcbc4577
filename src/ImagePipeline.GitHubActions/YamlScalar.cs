using System.Globalization;

namespace ImagePipeline.GitHubActions;

/// <summary>A scalar with its meaning: <c>FromText("true")</c> is written <c>'true'</c>, <c>Boolean(true)</c> as <c>true</c>.</summary>
public sealed record YamlScalar : YamlNode
{
    private YamlScalar(string text, YamlScalarKind kind)
    {
        Text = text;
        Kind = kind;
    }

    public string Text { get; }

    public YamlScalarKind Kind { get; }

    public static YamlScalar Null { get; } = new("null", YamlScalarKind.Null);

    public static YamlScalar FromText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new YamlScalar(value, YamlScalarKind.Text);
    }

    public static YamlScalar Boolean(bool value) => new(value ? "true" : "false", YamlScalarKind.Boolean);

    public static YamlScalar Number(long value) => new(value.ToString(CultureInfo.InvariantCulture), YamlScalarKind.Number);

    public static YamlScalar Number(decimal value) => new(value.ToString(CultureInfo.InvariantCulture), YamlScalarKind.Number);
}
