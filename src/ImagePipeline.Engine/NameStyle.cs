using System.Text;

namespace ImagePipeline.Engine;

/// <summary>The spellings a member name takes on the command line and in the environment.</summary>
public static class NameStyle
{
    /// <summary><c>MaxImageSize</c> → <c>max-image-size</c>; <c>S3Bucket</c> → <c>s3-bucket</c>; <c>HTTPServer</c> → <c>http-server</c>.</summary>
    public static string Kebab(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    builder.Append('-');
                }
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary><c>MaxImageSize</c> → <c>MAX_IMAGE_SIZE</c>.</summary>
    public static string UpperSnake(string name) => Kebab(name).Replace('-', '_').ToUpperInvariant();
}
