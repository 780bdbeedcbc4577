namespace ImagePipeline.Engine;

/// <summary>The parameter's value is printed as <c>***</c> wherever the engine writes.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
