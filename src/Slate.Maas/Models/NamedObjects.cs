namespace Slate.Maas.Models;

public sealed record Zone(int Id, string Name, string? Description, string ResourceUri);

public sealed record ResourcePool(int Id, string Name, string? Description, string ResourceUri);

/// <summary>The VM host (pod) a machine's BMC belongs to.</summary>
public sealed record MachinePod(int Id, string Name, string ResourceUri);
