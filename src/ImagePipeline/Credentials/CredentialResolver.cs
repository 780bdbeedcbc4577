using ImagePipeline.Credentials.Sops;
using Serilog;

namespace ImagePipeline.Credentials;

/// <summary>
/// Resolves the store credentials; the first complete source wins:
/// <list type="number">
/// <item>the environment variables <c>E2_ACCESS_KEY</c>, <c>E2_SECRET_KEY</c>, <c>E2_ENDPOINT</c>,
/// <c>E2_BUCKET</c> — all four, or an error naming the missing ones;</item>
/// <item>the sops file given with <c>--credentials</c>, which must hold exactly the top-level keys
/// <c>access_key</c>, <c>secret_key</c>, <c>endpoint</c>, <c>bucket</c> (checked here, because sops
/// does not authenticate key names).</item>
/// </list>
/// Neither → <see cref="CredentialsMissingException"/> saying what to set. The endpoint must be an
/// absolute http(s) URI without user:password@ or a query (refused without echoing them). The environment is a function so callers and tests choose what it sees.
/// </summary>
public sealed class CredentialResolver
{
    public const string AccessKeyVariable = "E2_ACCESS_KEY";
    public const string SecretKeyVariable = "E2_SECRET_KEY";
    public const string EndpointVariable = "E2_ENDPOINT";
    public const string BucketVariable = "E2_BUCKET";

    private static readonly string[] FileKeys = ["access_key", "secret_key", "endpoint", "bucket"];

    private readonly Func<string, string?> environment;
    private readonly ILogger logger;

    public CredentialResolver(Func<string, string?> environment, ILogger logger)
    {
        this.environment = environment ?? throw new ArgumentNullException(nameof(environment));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Resolves the credentials. <paramref name="credentialsFile"/> is <c>--credentials</c>,
    /// <paramref name="ageKeyFile"/> is <c>--sops-age-key-file</c> (both optional).
    /// </summary>
    public async Task<StoreCredentials> ResolveAsync(string? credentialsFile, string? ageKeyFile, CancellationToken cancellationToken)
    {
        string[] variables = [AccessKeyVariable, SecretKeyVariable, EndpointVariable, BucketVariable];
        var values = variables.Select(v => environment(v)).ToArray();
        var present = values.Count(v => !string.IsNullOrEmpty(v));
        if (present == variables.Length)
        {
            logger.Information("Using store credentials from the environment ({Variables})", "E2_*");
            return Build(values[0]!, values[1]!, values[2]!, values[3]!, EndpointVariable, source: null);
        }

        if (present > 0)
        {
            var missing = variables.Where((_, i) => string.IsNullOrEmpty(values[i]));
            throw new CredentialsException(
                $"incomplete store credentials in the environment: {string.Join(", ", missing)} not set (set all four of {string.Join(", ", variables)}, or none and use --credentials)");
        }

        if (!string.IsNullOrEmpty(credentialsFile))
        {
            return await FromSopsFileAsync(credentialsFile, ageKeyFile, cancellationToken);
        }

        throw new CredentialsMissingException(
            $"no store credentials: set {string.Join(", ", variables)}, or pass --credentials PATH to a sops-encrypted YAML file with access_key, secret_key, endpoint and bucket (and --sops-age-key-file or SOPS_AGE_KEY_FILE for its age key)");
    }

    private async Task<StoreCredentials> FromSopsFileAsync(string path, string? ageKeyFile, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CredentialsException($"credentials file '{path}' (--credentials) does not exist", path);
        }

        var decryptor = new SopsDecryptor(new SopsDecryptionOptions(environment, ageKeyFile), logger);
        var document = await decryptor.DecryptFileAsync(path, cancellationToken);
        var byPath = document.Values.ToDictionary(v => v.Path, StringComparer.Ordinal);
        var missing = FileKeys.Where(k => !byPath.TryGetValue(k, out var v) || v.Value.Length == 0).ToList();
        var unexpected = byPath.Keys.Where(k => !FileKeys.Contains(k, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            var problems = new List<string>();
            if (missing.Count > 0)
            {
                problems.Add($"missing or empty: {string.Join(", ", missing)}");
            }

            if (unexpected.Count > 0)
            {
                problems.Add($"unexpected: {string.Join(", ", unexpected)}");
            }

            throw new CredentialsException(
                $"{path}: credentials file must have exactly the top-level keys {string.Join(", ", FileKeys)} ({string.Join("; ", problems)})", path);
        }

        foreach (var value in document.Values.Where(v => !v.IsAuthenticated))
        {
            logger.Warning("{File}: {Key} is not covered by the MAC (mac_only_encrypted); anyone who can edit the file can change it", path, value.Path);
        }

        logger.Information("Using store credentials from {File}", path);
        return Build(byPath["access_key"].Value, byPath["secret_key"].Value, byPath["endpoint"].Value, byPath["bucket"].Value, "endpoint", path);
    }

    private static StoreCredentials Build(string accessKey, string secretKey, string endpoint, string bucket, string endpointName, string? source)
    {
        var where = source is null ? endpointName : $"{source}: {endpointName}";
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new CredentialsException($"{where} must be an absolute http(s) URI such as https://s3.us-west-1.idrivee2.com", source, endpointName);
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0)
        {
            // Never echo the value: the user:password or query is what must not be printed.
            var part = uri.UserInfo.Length > 0 ? "credentials (user:password@)" : "a query (?…)";
            throw new CredentialsException(
                $"{where} must not contain {part}: give the endpoint as scheme://host[:port] only (here {uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)}), and the keys in {AccessKeyVariable} and {SecretKeyVariable} (or access_key and secret_key in the sops file)",
                source, endpointName);
        }

        return new StoreCredentials(accessKey, secretKey, uri, bucket);
    }
}
