namespace Slate.Runbook.Ports;

/// <summary>MAAS's network model as one run reads it: fabrics with their VLANs, subnets on VLANs, the spaces and the IP ranges.</summary>
public sealed record MaasTopology(
    IReadOnlyList<MaasFabric> Fabrics, IReadOnlyList<MaasSubnet> Subnets, IReadOnlyList<MaasSpace> Spaces, IReadOnlyList<MaasIpRange>? Ranges = null)
{
    /// <summary>The range of the subnet holding the address (a dynamic one first: MAAS refuses a STATIC link there).</summary>
    public MaasIpRange? RangeHolding(int subnetId, System.Net.IPAddress address) =>
        (Ranges ?? []).Where(r => r.SubnetId == subnetId && r.Range.Contains(address)).OrderByDescending(r => r.Dynamic).FirstOrDefault();

    public MaasSubnet? SubnetWithCidr(string cidr) => Subnets.FirstOrDefault(s => s.Cidr == cidr);

    /// <summary>The subnet whose CIDR holds the address (MAAS refuses overlapping subnets, so there is one at most).</summary>
    public MaasSubnet? SubnetHolding(System.Net.IPAddress address) =>
        Subnets.FirstOrDefault(s => System.Net.IPNetwork.TryParse(s.Cidr, out var cidr) && cidr.Contains(address));

    public MaasVlan? VlanOn(int fabricId, int vid) =>
        Fabrics.FirstOrDefault(f => f.Id == fabricId)?.Vlans.FirstOrDefault(v => v.Vid == vid);
}

public sealed record MaasFabric(int Id, string Name, IReadOnlyList<MaasVlan> Vlans);

/// <summary>A VLAN: Id is the database id MAAS wants in <c>vlan=</c>, Vid the 802.1Q tag (0 untagged); Space is null for "undefined".</summary>
public sealed record MaasVlan(int Id, int Vid, int FabricId, string Fabric, string? Space);

/// <summary>A subnet on its VLAN; Space is null for "undefined".</summary>
public sealed record MaasSubnet(int Id, string Cidr, MaasVlan Vlan, string? Space);
