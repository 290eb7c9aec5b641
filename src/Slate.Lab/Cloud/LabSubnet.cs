using System.Net;
using Slate.Runbook.Sites;

namespace Slate.Lab.Cloud;

public sealed class LabSubnet(int id, IPNetwork cidr, LabVlan vlan)
{
    public int Id { get; } = id;
    public IPNetwork Cidr { get; } = cidr;
    public string Name => Cidr.ToString();
    public LabVlan Vlan { get; } = vlan;

    /// <summary>The subnet's space is its VLAN's (MAAS models/subnet.py: Subnet.space is vlan.space).</summary>
    public LabSpace? Space => Vlan.Space;

    public IPAddress Gateway => Offset(1);

    public IPAddress Offset(uint n) => AddressRange.FromNumber(AddressRange.Number(Cidr.BaseAddress) + n);

    public uint HostCount => (1u << (32 - Cidr.PrefixLength)) - 2;
}
