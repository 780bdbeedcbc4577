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
    /// <paramref name="environment"/> (null = unset), and every <c>${generate:KIND}</c> through
    /// <paramref name="generated"/> (fresh secrets for this build; see <see cref="GeneratedSecrets"/>).
    /// </summary>
    /// <exception cref="PackerVariableException">A referenced environment variable is unset, a generator is unknown, or a name is not an identifier.</exception>
    public static PackerVariables Resolve(
        string imageName,
        IReadOnlyDictionary<string, string> variables,
        Func<string, string?> environment,
        GeneratedSecrets? generated = null)
    {
        generated ??= new GeneratedSecrets();
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
            values[name] = GeneratedReference().Replace(values[name], match =>
            {
                var kind = match.Groups["kind"].Value;
                var value = generated.Get(kind)
                    ?? throw new PackerVariableException(imageName, name, null,
                        $"${{generate:{kind}}} is not a generator; use one of {string.Join(", ", GeneratedSecrets.Kinds.Select(k => "${generate:" + k + "}"))}");
                secrets.Add(value);
                return value;
            });
        }

        var parts = secrets.SelectMany(SecretMasker.Parts).ToList();
        return new PackerVariables(values, new SecretMasker(parts)) { Secrets = parts };
    }

    /// <summary>True when <paramref name="value"/> holds a secret: it takes something from the environment or is generated per build.</summary>
    public static bool ReferencesSecret(string value) => EnvironmentReference().IsMatch(value) || GeneratedReference().IsMatch(value);

    /// <summary>Every secret value in the resolved variables (whole values and their lines), for a masking registry.</summary>
    public IReadOnlyList<string> Secrets { get; private init; } = [];

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

    [GeneratedRegex(@"\$\{generate:(?<kind>[a-z0-9:-]+)\}")]
    private static partial Regex GeneratedReference();
}
