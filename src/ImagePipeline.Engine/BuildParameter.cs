using System.Reflection;

namespace ImagePipeline.Engine;

/// <summary>A <see cref="ParameterAttribute"/> member of a build, with the names it is known by.</summary>
internal sealed class BuildParameter
{
    private BuildParameter(MemberInfo member, Type type, ParameterAttribute attribute)
    {
        Member = member;
        // A private field `manifest` is still the parameter Manifest (--manifest, MANIFEST).
        Name = attribute.Name ?? char.ToUpperInvariant(member.Name[0]) + member.Name[1..];
        Description = attribute.Description;
        IsSecret = member.IsDefined(typeof(SecretAttribute));
        IsList = type.IsArray;
        ElementType = IsList ? type.GetElementType()! : Nullable.GetUnderlyingType(type) ?? type;
    }

    public MemberInfo Member { get; }

    /// <summary>The member name (or the attribute's override); the key in parameters files.</summary>
    public string Name { get; }

    public string Description { get; }

    public bool IsSecret { get; }

    /// <summary>An array parameter: repeatable, takes several values.</summary>
    public bool IsList { get; }

    /// <summary>The value type, or the element type of a list, without <see cref="Nullable{T}"/>.</summary>
    public Type ElementType { get; }

    public bool IsFlag => !IsList && ElementType == typeof(bool);

    /// <summary><c>--kebab-name</c>.</summary>
    public string Option => "--" + NameStyle.Kebab(Name);

    public string EnvironmentName => NameStyle.UpperSnake(Name);

    /// <summary>The parameters of <paramref name="buildType"/>: its own (in declaration order) first, then its base classes'.</summary>
    public static IReadOnlyList<BuildParameter> Discover(Type buildType)
    {
        const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var parameters = new List<BuildParameter>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(Members).OrderBy(field => field.MetadataToken))
            {
                if (field.GetCustomAttribute<ParameterAttribute>() is { } attribute)
                {
                    parameters.Add(new BuildParameter(field, field.FieldType, attribute));
                }
            }

            foreach (var property in type.GetProperties(Members).OrderBy(property => property.MetadataToken))
            {
                if (property.GetCustomAttribute<ParameterAttribute>() is { } attribute)
                {
                    if (!property.CanWrite)
                    {
                        throw new UsageException($"Parameter {property.Name} of {type.Name} needs a setter (it may be private).");
                    }

                    parameters.Add(new BuildParameter(property, property.PropertyType, attribute));
                }
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
        null or false => null,
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
