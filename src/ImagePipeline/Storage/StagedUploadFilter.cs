namespace ImagePipeline.Storage;

/// <summary>
/// Which leftover staged uploads <see cref="IImageStore.AbortIncompleteUploadsAsync"/> removes: those
/// under <see cref="Prefix"/>, begun before <see cref="StartedBefore"/> and, when <see cref="Keys"/> is
/// given, of exactly those keys — so a run cleans up after its own images only and never cuts the upload of
/// another run's image (a matrix leg) whose key merely starts the same way (<c>x.raw</c>, <c>x.raw.sig</c>).
/// </summary>
public sealed record StagedUploadFilter(string Prefix, DateTimeOffset StartedBefore, IReadOnlySet<string>? Keys = null)
{
    /// <summary>Exactly <paramref name="keys"/>, begun before <paramref name="startedBefore"/>.</summary>
    public static StagedUploadFilter ForKeys(IReadOnlyCollection<string> keys, DateTimeOffset startedBefore)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var set = keys.ToHashSet(StringComparer.Ordinal);
        return new StagedUploadFilter(StoreKey.CommonFolder(set), startedBefore, set);
    }

    public bool Matches(string key, DateTimeOffset started) =>
        key.StartsWith(Prefix, StringComparison.Ordinal) && started < StartedBefore && (Keys is null || Keys.Contains(key));
}
