namespace Slate.Maas.Models;

public sealed record Zone(int Id, string Name, string? Description, string ResourceUri);
