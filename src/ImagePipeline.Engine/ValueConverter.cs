using System.Globalization;

namespace ImagePipeline.Engine;

/// <summary>Turns the text given for a parameter into its member's type, or a <see cref="UsageException"/> saying what was expected.</summary>
internal static class ValueConverter
{
    /// <param name="parameter">The parameter being filled.</param>
    /// <param name="values">The values as given (a flag given without a value has none).</param>
    /// <param name="origin">Where the values came from, for the error message.</param>
    /// <param name="rootDirectory">Relative file and directory paths are resolved against this.</param>
    public static object? Convert(BuildParameter parameter, IReadOnlyList<string> values, string origin, string rootDirectory)
    {
        if (parameter.IsList)
        {
            var array = Array.CreateInstance(parameter.ElementType, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                array.SetValue(ConvertOne(parameter, values[i], origin, rootDirectory), i);
            }

            return array;
        }

        return values.Count switch
        {
            0 when parameter.IsFlag => true,
            0 => throw new UsageException($"{parameter.Option} needs a value ({origin})."),
            1 => ConvertOne(parameter, values[0], origin, rootDirectory),
            _ => throw new UsageException($"{parameter.Option} takes one value but got {values.Count} ({origin})."),
        };
    }

    /// <summary>How <c>--help</c> shows the expected value, e.g. <c>&lt;int&gt;</c> or <c>&lt;text|json&gt;</c>.</summary>
    public static string Hint(BuildParameter parameter)
    {
        if (parameter.IsFlag)
        {
            return string.Empty;
        }

        var type = parameter.ElementType;
        var hint = type.IsEnum ? string.Join('|', EnumNames(type))
            : type == typeof(int) || type == typeof(long) ? "int"
            : type == typeof(FileInfo) || type == typeof(DirectoryInfo) ? "path"
            : "value";
        return $"<{hint}>" + (parameter.IsList ? "..." : string.Empty);
    }

    public static IEnumerable<string> EnumNames(Type enumType) => Enum.GetNames(enumType).Select(NameStyle.Kebab);

    private static object ConvertOne(BuildParameter parameter, string value, string origin, string rootDirectory)
    {
        var type = parameter.ElementType;
        object? result;
        string expected;
        if (type == typeof(string))
        {
            return value;
        }
        else if (type == typeof(bool))
        {
            result = value.ToUpperInvariant() switch { "TRUE" or "1" => true, "FALSE" or "0" => false, _ => null };
            expected = "true or false";
        }
        else if (type == typeof(int))
        {
            result = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
            expected = "a whole number";
        }
        else if (type == typeof(long))
        {
            result = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
            expected = "a whole number";
        }
        else if (type.IsEnum)
        {
            var name = Enum.GetNames(type).FirstOrDefault(name => NameStyle.Loose(name) == NameStyle.Loose(value));
            result = name is null ? null : Enum.Parse(type, name);
            expected = "one of " + string.Join(", ", EnumNames(type));
        }
        else if (type == typeof(FileInfo))
        {
            return new FileInfo(Path.GetFullPath(value, rootDirectory));
        }
        else if (type == typeof(DirectoryInfo))
        {
            return new DirectoryInfo(Path.GetFullPath(value, rootDirectory));
        }
        else
        {
            throw new UsageException($"Parameter {parameter.Name} has type {type.Name}, which the engine cannot fill.");
        }

        var shown = parameter.IsSecret ? "***" : value;
        return result ?? throw new UsageException($"Invalid value '{shown}' for {parameter.Option} ({origin}): expected {expected}.");
    }
}
