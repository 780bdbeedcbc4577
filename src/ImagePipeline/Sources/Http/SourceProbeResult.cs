namespace ImagePipeline.Sources.Http;

/// <summary>What Validate learned about one source URL.</summary>
/// <param name="Url">The probed URL (without query string).</param>
/// <param name="Reachable">A 2xx answer (after https redirects).</param>
/// <param name="StatusCode">Final HTTP status; null when no response arrived.</param>
/// <param name="ContentLength">Size of the resource when the server told it.</param>
/// <param name="Method">"HEAD", or "GET" when HEAD was refused and a one-byte ranged GET was used.</param>
/// <param name="Error">Why it is not reachable; null when reachable.</param>
public sealed record SourceProbeResult(Uri Url, bool Reachable, int? StatusCode, long? ContentLength, string Method, string? Error);
