using System.Reflection;

namespace ImagePipeline.Engine;

/// <summary>A <see cref="ParameterAttribute"/> member of a build, with the names it is known by.</summary>
internal sealed class BuildParameter
{
    private BuildParameter(MemberInfo member, Type type, ParameterAttribute attribute)
    {
        Member = member;
        Attribute = attribute;
        // A private field `manifest` is still the parameter Manifest (--manifest, MANIFEST).
        Name = attribute.Name ?? char.ToUpperInvariant(member.Name[0]) + member.Name[1..];
        IsSecret = member.IsDefined(typeof(SecretAttribute));
        IsList = type.IsArray;
        ElementType = IsList ? type.GetElementType()! : Nullable.GetUnderlyingType(type) ?? type;
    }

    public MemberInfo Member { get; }

    public ParameterAttribute Attribute { get; }

    /// <summary>The member name (or the attribute's override); the key in parameters files.</summary>
    public string Name { get; }

    public bool IsSecret { get; }

    /// <summary>An array parameter: repeatable, takes several values.</summary>
    public bool IsList { get; }

    /// <summary>The value type, or the element type of a list, without <see cref="Nullable{T}"/>.</summary>
    public Type ElementType { get; }

    public bool IsFlag => !IsList && ElementType == typeof(bool);

    /// <summary>Declared by <see cref="BuildBase"/>: read from the command line only.</summary>
    public bool IsEngineOption => Member.DeclaringType == typeof(BuildBase);

    /// <summary><c>--skip</c> and <c>--target</c>, whose values are target names.</summary>
    public bool TakesTargets => IsEngineOption && Name is nameof(BuildBase.Skip) or "Target";

    /// <summary><c>--kebab-name</c>.</summary>
    public string Option => "--" + NameStyle.Kebab(Name);

    /// <summary>Where the environment can set it, in precedence order: none for engine options (see <see cref="BuildBase.EnvironmentPrefix"/>).</summary>
    public IReadOnlyList<string> EnvironmentNames(string prefix)
    {
        var bare = NameStyle.UpperSnake(Name);
        return IsEngineOption ? []
            : [.. new[] { prefix.Length > 0 ? prefix + bare : null, bare.Contains('_', StringComparison.Ordinal) ? bare : null }.OfType<string>()];
    }

    /// <summary>Whether <paramref name="name"/> (a <c>nameof</c> of the member, or the parameter name) means this parameter.</summary>
    public bool IsNamed(string name) =>
        string.Equals(name, Name, StringComparison.OrdinalIgnoreCase) || string.Equals(name, Member.Name, StringComparison.Ordinal);

    /// <summary>The parameters of <paramref name="buildType"/>: its own (in declaration order) first, then its base classes'.</summary>
    public static IReadOnlyList<BuildParameter> Discover(Type buildType)
    {
        const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var parameters = new List<BuildParameter>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            // Declaration order: an auto-property sorts by its backing field, so fields and properties interleave as written.
            var members = type.GetFields(Members).Cast<MemberInfo>().Concat(type.GetProperties(Members))
                .OrderBy(member => (type.GetField($"<{member.Name}>k__BackingField", Members) ?? member).MetadataToken);
            foreach (var member in members)
            {
                if (member.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
                {
                    continue;
                }

                if (member is PropertyInfo { CanWrite: false })
                {
                    throw new UsageException($"Parameter {member.Name} of {type.Name} needs a setter (it may be private).");
                }

                parameters.Add(new BuildParameter(member, member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType, attribute));
            }
        }

        var duplicate = parameters.GroupBy(parameter => parameter.Option, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
        return duplicate is null ? parameters : throw new UsageException($"Two parameters are both called {duplicate.Key}.");
    }

    public object? GetValue(object build) => Member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => throw new InvalidOperationException(),
    };

    public void SetValue(object build, object? value)
    {
        switch (Member)
        {
            case FieldInfo field:
                field.SetValue(build, value);
                break;
            case PropertyInfo property:
                // Unwrapped, so what a setter throws reaches BuildBase.IsUsageError as itself.
                property.SetValue(build, value, BindingFlags.DoNotWrapExceptions, binder: null, index: null, culture: null);
                break;
        }
    }

    /// <summary>The value as the engine prints it: secrets as <c>***</c> (unless <paramref name="mask"/> is false), lists space-separated, enums in kebab case, unset as null.</summary>
    public string? Display(object? value, bool mask = true) => value switch
    {
        null or false or "" => null,
        Array { Length: 0 } => null,
        _ when IsSecret && mask => "***",
        Array array => string.Join(' ', array.Cast<object>().Select(Format)),
        _ => Format(value),
    };

    private static string Format(object value) => value switch
    {
        Enum enumValue => NameStyle.Kebab(enumValue.ToString()),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
