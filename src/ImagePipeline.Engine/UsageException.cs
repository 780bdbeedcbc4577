namespace ImagePipeline.Engine;

/// <summary>
/// The build was asked for something it cannot do: unknown target or option, bad parameter value, a cycle,
/// or (thrown by a target) invalid input such as a broken manifest. The build exits with code 2.
/// </summary>
public class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
