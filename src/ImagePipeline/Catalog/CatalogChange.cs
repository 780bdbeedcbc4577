namespace ImagePipeline.Catalog;

/// <summary>One catalog file a catalog write changes.</summary>
/// <param name="Key">Its store key, e.g. <c>images/SHA256SUMS</c>.</param>
/// <param name="Deleted">True when the file goes (no image uses its algorithm any more); otherwise it is (re)written.</param>
/// <param name="Images">How many images the new file lists (0 when deleted).</param>
public sealed record CatalogChange(string Key, bool Deleted, int Images)
{
    public override string ToString() => Deleted ? $"{Key} (no image uses it any more)" : $"{Key} ({Images} image(s))";
}
