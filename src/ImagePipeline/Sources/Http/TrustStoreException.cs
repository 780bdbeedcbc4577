namespace ImagePipeline.Sources.Http;

/// <summary>SSL_CERT_FILE / SSL_CERT_DIR point at something that cannot be read as certificates.</summary>
public sealed class TrustStoreException(string message, Exception? innerException = null)
    : ImagePipelineException(message, innerException);
