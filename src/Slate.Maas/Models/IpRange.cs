namespace Slate.Maas.Models;

/// <summary>One entry of <c>GET ipranges/</c> (api/ipranges.py DISPLAYED_IPRANGE_FIELDS): "dynamic" (MAAS's DHCP pool) or "reserved".</summary>
public sealed record IpRange
{
    public int Id { get; init; }
    public string Type { get; init; } = "";
    public string StartIp { get; init; } = "";
    public string EndIp { get; init; } = "";
    public string Comment { get; init; } = "";
    public Subnet? Subnet { get; init; }
}
