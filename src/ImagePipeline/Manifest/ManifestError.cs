using System.Globalization;
using System.Text;

namespace ImagePipeline.Manifest;

/// <summary>One problem found in a manifest, located precisely enough for an editor or a CI annotation.</summary>
/// <param name="FilePath">The manifest as shown to the user: relative to the repository root, forward slashes.</param>
/// <param name="Image">The image's name, or null for problems outside an image (or an image without a name).</param>
/// <param name="Field">Dotted path of the field: relative to the image when <paramref name="Image"/> is set
/// (<c>source.checksum</c>), otherwise from the document root (<c>spec.images[2].name</c>).</param>
/// <param name="Message">What is wrong and what is expected.</param>
/// <param name="Line">1-based line; 0 when the problem has no position (file not found).</param>
/// <param name="Column">1-based column; 0 when the problem has no position.</param>
public sealed record ManifestError(string FilePath, string? Image, string Field, string Message, int Line, int Column)
{
    /// <summary><c>images/images.yaml:12:9: talos-1.9.1: source.checksum: expected …, got 'md5:abc'</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(FilePath);
        if (Line > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $":{Line}:{Column}");
        }

        text.Append(": ");
        if (Image is not null)
        {
            text.Append(Image).Append(": ");
        }

        if (Field.Length > 0)
        {
            text.Append(Field).Append(": ");
        }

        return text.Append(Message).ToString();
    }
}
