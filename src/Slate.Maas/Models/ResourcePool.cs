namespace Slate.Maas.Models;

public sealed record ResourcePool(int Id, string Name, string? Description, string ResourceUri);
