namespace ImagePipeline.GitHubActions;

/// <summary>What a scalar means, which decides whether its text may be written plain.</summary>
public enum YamlScalarKind
{
    /// <summary>Text; quoted whenever a YAML parser could read it as anything else.</summary>
    Text,

    /// <summary><c>true</c> or <c>false</c>, written plain.</summary>
    Boolean,

    /// <summary>An integer or decimal, written plain.</summary>
    Number,

    /// <summary><c>null</c>.</summary>
    Null,
}
