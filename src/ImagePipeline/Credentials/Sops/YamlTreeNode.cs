namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// sops's view of a YAML document: mappings, sequences and scalars in file order, with comments kept
/// as items of their enclosing mapping or sequence (sops encrypts them; they are not part of the MAC).
/// </summary>
internal abstract record YamlTreeNode;
