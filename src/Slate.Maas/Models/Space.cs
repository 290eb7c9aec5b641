namespace Slate.Maas.Models;

/// <summary>A space; MAAS appends a synthetic <c>undefined</c> space (id -1) when some VLAN has none.
/// 2.0-era servers send neither <see cref="Vlans"/> nor <see cref="Description"/>.</summary>
public sealed record Space
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public IReadOnlyList<Vlan>? Vlans { get; init; }
    public IReadOnlyList<Subnet> Subnets { get; init; } = [];
    public string ResourceUri { get; init; } = "";
}
