namespace ImagePipeline.Storage;

/// <summary>How far an upload has got; reported synchronously by the store as bytes are committed.</summary>
public readonly record struct UploadProgress(string Key, long BytesUploaded, long TotalBytes);
