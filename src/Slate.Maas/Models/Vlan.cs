namespace Slate.Maas.Models;

/// <summary>A VLAN. <see cref="Id"/> is the database id MAAS wants in <c>vlan=</c> params; <see cref="Vid"/> is the 802.1Q tag.
/// MAAS 2.0-era servers omit <see cref="FabricId"/> and <see cref="Space"/>.</summary>
public sealed record Vlan
{
    public int Id { get; init; }
    public string? Name { get; init; }
    public int Vid { get; init; }
    public int Mtu { get; init; }
    public string Fabric { get; init; } = "";
    public int? FabricId { get; init; }
    public string? Space { get; init; }
    public bool DhcpOn { get; init; }
    public string? PrimaryRack { get; init; }
    public string? SecondaryRack { get; init; }
    public string ResourceUri { get; init; } = "";
}
