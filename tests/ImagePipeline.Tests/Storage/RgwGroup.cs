using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Storage;

/// <summary>Every test class that needs the real RGW joins this collection; the gateway starts once.</summary>
[CollectionDefinition(Name)]
public sealed class RgwGroup : ICollectionFixture<RgwFixture>
{
    public const string Name = "rgw";
}
