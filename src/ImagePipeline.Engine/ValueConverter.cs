using System.Globalization;

namespace ImagePipeline.Engine;

/// <summary>Turns the text given for a parameter into its member's type, or a <see cref="UsageException"/> saying what was expected.</summary>
internal static class ValueConverter
{
    /// <param name="parameter">The parameter being filled.</param>
    /// <param name="values">The values as given (a flag given without a value has none).</param>
    /// <param name="origin">Where the values came from, for the error message.</param>
    public static object? Convert(BuildParameter parameter, IReadOnlyList<string> values, string origin)
    {
        if (parameter.IsList)
        {
            var array = Array.CreateInstance(parameter.ElementType, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                array.SetValue(ConvertOne(parameter, values[i], origin), i);
            }

            return array;
        }

        return values.Count switch
        {
            0 when parameter.IsFlag => true,
            0 => throw new UsageException($"{parameter.Option} needs a value ({origin})."),
            1 => ConvertOne(parameter, values[0], origin),
            _ => throw new UsageException($"{parameter.Option} takes one value but got {values.Count} ({origin})."),
        };
    }

    /// <summary>How help shows the expected value, e.g. <c>&lt;int&gt;</c> or <c>&lt;text|json&gt;</c>.</summary>
    public static string Hint(BuildParameter parameter)
    {
        var type = parameter.ElementType;
        var hint = parameter.Attribute.ValueName
            ?? (type.IsEnum ? string.Join('|', EnumNames(type)) : type == typeof(int) ? "int" : "value");
        return parameter.IsFlag ? string.Empty : $"<{hint}>" + (parameter.IsList ? "..." : string.Empty);
    }

    public static IEnumerable<string> EnumNames(Type enumType) => Enum.GetNames(enumType).Select(NameStyle.Kebab);

    private static object ConvertOne(BuildParameter parameter, string value, string origin)
    {
        var type = parameter.ElementType;
        var shown = parameter.IsSecret ? "***" : CommandLine.Shorten(value);
        if (type == typeof(string))
        {
            return value;
        }

        if (type == typeof(int))
        {
            var (minimum, maximum) = (parameter.Attribute.Minimum, parameter.Attribute.Maximum);
            return !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? throw new UsageException($"Invalid value '{shown}' for {parameter.Option} ({origin}): expected a whole number.")
                : number < minimum ? throw new UsageException($"{parameter.Option} must be at least {minimum}, not {shown} ({origin}).")
                : number > maximum ? throw new UsageException($"{parameter.Option} must be at most {maximum}, not {shown} ({origin}).")
                : number;
        }

        object? result = type == typeof(bool)
            ? value.ToUpperInvariant() switch { "TRUE" or "1" => true, "FALSE" or "0" => false, _ => null }
            : type.IsEnum ? Enum.GetNames(type).Where(name => NameStyle.Kebab(name) == value.ToLowerInvariant().Replace('_', '-')).Select(name => Enum.Parse(type, name)).FirstOrDefault()
            : throw new UsageException($"Parameter {parameter.Name} has type {type.Name}, which the engine cannot fill.");
        var expected = type == typeof(bool) ? "true or false" : "one of " + string.Join(", ", EnumNames(type));
        return result ?? throw new UsageException($"Invalid value '{shown}' for {parameter.Option} ({origin}): expected {expected}.");
    }
}
