using System.Net;
using Slate.Runbook.Sites;

namespace Slate.Lab.Cloud;

public sealed class LabFabric(int id, string name)
{
    public int Id { get; } = id;
    public string Name { get; } = name;
    public List<LabVlan> Vlans { get; } = [];
}

public sealed class LabVlan(int id, int vid, LabFabric fabric)
{
    public int Id { get; } = id;
    public int Vid { get; } = vid;
    public LabFabric Fabric { get; } = fabric;
    public string Name => Vid == 0 ? "untagged" : Vid.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public int Mtu { get; init; } = 1500;

    /// <summary>The space the VLAN is bound to (MAAS keeps the space on the VLAN); null renders as "undefined".</summary>
    public LabSpace? Space { get; set; }
}

public sealed class LabSpace(int id, string name)
{
    public int Id { get; } = id;
    public string Name { get; } = name;
}

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
