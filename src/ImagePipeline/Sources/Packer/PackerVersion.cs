using System.Text.RegularExpressions;

namespace ImagePipeline.Sources.Packer;

/// <summary>The version <c>packer version</c> reports, e.g. <c>Packer v1.6.6</c>.</summary>
/// <param name="Number">Major.minor.patch.</param>
/// <param name="Text">The full version text after 'v' (may carry a suffix such as <c>-dev</c>); part of the fingerprint.</param>
public sealed partial record PackerVersion(Version Number, string Text)
{
    private static readonly Version FirstWithInit = new(1, 7, 0);

    /// <summary><c>packer init</c> (and <c>required_plugins</c>) exist since Packer 1.7.</summary>
    public bool SupportsInit => Number >= FirstWithInit;

    public static bool TryParse(string output, out PackerVersion? version)
    {
        var match = VersionLine().Match(output ?? string.Empty);
        version = match.Success
            ? new PackerVersion(Version.Parse(match.Groups["number"].Value), match.Groups["text"].Value)
            : null;
        return version is not null;
    }

    public override string ToString() => Text;

    [GeneratedRegex(@"Packer v(?<text>(?<number>\d+\.\d+\.\d+)\S*)")]
    private static partial Regex VersionLine();
}
