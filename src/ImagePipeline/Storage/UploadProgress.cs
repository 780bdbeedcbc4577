namespace ImagePipeline.Storage;

/// <summary>How far a staged upload has got: bytes the store has accepted (S3: parts acknowledged).</summary>
public readonly record struct UploadProgress(string Key, long BytesStored);
