namespace Slate.Maas.Models;

/// <summary>The VM host (pod) a machine's BMC belongs to.</summary>
public sealed record MachinePod(int Id, string Name, string ResourceUri);
