namespace Slate.Maas.Models;

public sealed record Fabric
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string? ClassType { get; init; }
    public IReadOnlyList<Vlan> Vlans { get; init; } = [];
    public string ResourceUri { get; init; } = "";
}
