namespace ImagePipeline.Credentials.Sops;

/// <summary>A typed leaf and the exact bytes sops feeds to the MAC for it.</summary>
internal readonly record struct SopsLeafValue(SopsValueType Type, byte[] MacBytes);
