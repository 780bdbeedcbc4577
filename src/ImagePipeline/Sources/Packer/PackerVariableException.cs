namespace ImagePipeline.Sources.Packer;

/// <summary>
/// A variable of a packer source cannot be handed to Packer: its <c>${env:NAME}</c> reference
/// names an unset environment variable, or its name is not a Packer identifier. Permanent.
/// </summary>
public sealed class PackerVariableException : ImagePipelineException
{
    public PackerVariableException(string imageName, string variableName, string? environmentVariableName, string problem)
        : base($"{imageName}: source.variables.{variableName}: {problem}")
    {
        ImageName = imageName;
        VariableName = variableName;
        EnvironmentVariableName = environmentVariableName;
    }

    public string ImageName { get; }

    public string VariableName { get; }

    /// <summary>The referenced environment variable that is not set; null for other problems.</summary>
    public string? EnvironmentVariableName { get; }
}
