namespace Slate.Maas.Models;

public sealed record Subnet
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Cidr { get; init; } = "";
    public Vlan? Vlan { get; init; }

    /// <summary>The space name, or <c>"undefined"</c>.</summary>
    public string? Space { get; init; }

    public string? GatewayIp { get; init; }
    public IReadOnlyList<string>? DnsServers { get; init; }
    public bool? Managed { get; init; }
    public string ResourceUri { get; init; } = "";
}
