using System.Text;
using System.Text.RegularExpressions;

namespace ImagePipeline.Sources.Packer;

/// <summary>
/// A packer source's variables with their <c>${env:NAME}</c> references resolved. Values that came
/// from the environment are secrets: <see cref="Masker"/> hides them in everything we print.
/// </summary>
public sealed partial class PackerVariables
{
    /// <summary>Prefix Packer reads variables from; values never go on the command line.</summary>
    public const string EnvironmentPrefix = "PKR_VAR_";

    private PackerVariables(IReadOnlyDictionary<string, string> values, SecretMasker masker)
    {
        Values = values;
        Masker = masker;
    }

    /// <summary>Variable name → resolved value (may hold secrets: never log these).</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    public SecretMasker Masker { get; }

    /// <summary>
    /// Resolves every <c>${env:NAME}</c> in <paramref name="variables"/> through
    /// <paramref name="environment"/> (null = unset).
    /// </summary>
    /// <exception cref="PackerVariableException">A referenced environment variable is unset, or a name is not an identifier.</exception>
    public static PackerVariables Resolve(
        string imageName,
        IReadOnlyDictionary<string, string> variables,
        Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(environment);
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var secrets = new List<string>();
        foreach (var (name, raw) in variables)
        {
            if (!IdentifierPattern().IsMatch(name))
            {
                throw new PackerVariableException(imageName, name, null,
                    "not a Packer variable name (letters, digits, '_' and '-', starting with a letter or '_')");
            }

            values[name] = EnvironmentReference().Replace(raw, match =>
            {
                var envName = match.Groups["name"].Value;
                var value = environment(envName)
                    ?? throw new PackerVariableException(imageName, name, envName,
                        $"references environment variable {envName}, which is not set");
                secrets.Add(value);
                return value;
            });
        }

        return new PackerVariables(values, new SecretMasker(secrets.SelectMany(SecretMasker.Parts)));
    }

    /// <summary>True when <paramref name="value"/> takes anything from the environment (and so may hold a secret).</summary>
    public static bool ReferencesEnvironment(string value) => EnvironmentReference().IsMatch(value);

    /// <summary>The <c>PKR_VAR_&lt;name&gt;</c> environment entries to hand to Packer.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToEnvironment() =>
        Values.Select(v => KeyValuePair.Create(EnvironmentPrefix + v.Key, v.Value));

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in Values)
        {
            text.Append(name).Append('=').Append(Masker.Apply(value)).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"\$\{env:(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex EnvironmentReference();
}
