namespace ImagePipeline.Sources.Packer;

/// <summary>A command line for <see cref="ProcessGroupRunner"/>.</summary>
/// <param name="FileName">Resolved executable path.</param>
/// <param name="Arguments">Arguments, passed without a shell.</param>
/// <param name="WorkingDirectory">Working directory of the process.</param>
/// <param name="Environment">Variables set on top of the inherited environment.</param>
/// <param name="DropInheritedVariable">True for inherited variables the process must not see.</param>
internal sealed record ProcessCommand(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IEnumerable<KeyValuePair<string, string>> Environment,
    Func<string, bool> DropInheritedVariable);
