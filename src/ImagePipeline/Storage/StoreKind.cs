namespace ImagePipeline.Storage;

/// <summary>Which <see cref="IImageStore"/> implementation a <c>--store</c> value selects.</summary>
public enum StoreKind
{
    S3,
    Directory,
}
