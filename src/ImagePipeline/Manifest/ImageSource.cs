namespace ImagePipeline.Manifest;

/// <summary>
/// Where an image's bytes come from: <see cref="HttpImageSource"/>, <see cref="FileImageSource"/>
/// or <see cref="PackerImageSource"/>.
/// </summary>
public abstract record ImageSource
{
    /// <summary>The manifest's <c>source.type</c>.</summary>
    public abstract string Type { get; }
}
