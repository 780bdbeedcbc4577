namespace ImagePipeline.Testing;

/// <summary>A request <see cref="HttpsTestServer"/> received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Range, string? IfRange);
