using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests;

/// <summary>Test classes that need the real RGW join this collection; the gateway is shared.</summary>
[CollectionDefinition(Name)]
public sealed class RgwGroup : ICollectionFixture<RgwFixture>
{
    public const string Name = "rgw";
}
