namespace ImagePipeline.Engine;

/// <summary>
/// A target as declared in a build: <c>Target Sync => _ => _.DependsOn(Upload).Executes(...)</c>.
/// The engine finds every <see cref="Target"/>-typed property of the build; the property name is the target name.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);
