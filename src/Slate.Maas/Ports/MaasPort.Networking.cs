using Slate.Maas.Models;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Maas.Ports;

/// <summary>The network side of the port: the topology, the addresses on a subnet, and interface edits on a machine.</summary>
public sealed partial class MaasPort
{
    public Task<MaasTopology> ReadTopologyAsync(CancellationToken ct) => Translated(async () =>
    {
        var fabrics = await client.Fabrics.ListAsync(ct).ConfigureAwait(false);
        var subnets = await client.Subnets.ListAsync(ct).ConfigureAwait(false);
        var spaces = await client.Spaces.ListAsync(ct).ConfigureAwait(false);
        var ranges = await client.IpRanges.ListAsync(ct).ConfigureAwait(false);
        return new MaasTopology(
            fabrics.Select(f => new MaasFabric(f.Id, f.Name, f.Vlans.Select(ToPort).ToList())).ToList(),
            subnets.Where(s => s.Vlan is not null).Select(s => new MaasSubnet(s.Id, s.Cidr, ToPort(s.Vlan!), SpaceName(s.Space))).ToList(),
            spaces.Where(s => s.Id >= 0).Select(s => new MaasSpace(s.Id, s.Name, s.Subnets.Select(n => n.Cidr).ToList())).ToList(),
            ranges.Select(ToPort).OfType<MaasIpRange>().ToList());
    });

    /// <summary>IPv4 ranges only (the planes are IPv4); a range of an IPv6 subnet is none of the runbook's business.</summary>
    private static MaasIpRange? ToPort(IpRange r) =>
        r.Subnet is { } subnet && AddressRange.Parse($"{r.StartIp}-{r.EndIp}") is { } range
            ? new MaasIpRange(r.Id, r.Type == "dynamic", subnet.Id, range, r.Comment)
            : null;

    public Task<IReadOnlyList<MaasAddress>> ListSubnetAddressesAsync(int subnetId, CancellationToken ct) => Translated(async () =>
    {
        var addresses = await client.Subnets.ListAddressesAsync(subnetId, ct).ConfigureAwait(false);
        return (IReadOnlyList<MaasAddress>)addresses
            .Select(a => new MaasAddress(a.Ip, a.NodeSummary?.SystemId, a.NodeSummary?.Hostname, a.NodeSummary?.Via,
                (MaasAddressKind)a.AllocType, (MaasNodeKind)(a.NodeSummary?.NodeType ?? 0))).ToList();
    });

    public Task<MaasInterface> CreateBridgeAsync(string systemId, string name, int parentId, string bridgeType, CancellationToken ct) =>
        Translated(async () => ToPort(await client.Interfaces.CreateBridgeAsync(systemId, name, parentId, Kind(bridgeType), ct: ct).ConfigureAwait(false)));

    public Task<MaasInterface> CreateVlanInterfaceAsync(string systemId, string name, int parentId, int vlanId, CancellationToken ct) =>
        Translated(async () => ToPort(await client.Interfaces.CreateVlanAsync(systemId, parentId, vlanId, name, ct).ConfigureAwait(false)));

    public Task<MaasInterface> SetVlanAsync(string systemId, int interfaceId, int vlanId, CancellationToken ct) =>
        Translated(async () => ToPort(await client.Interfaces.UpdateVlanAsync(systemId, interfaceId, vlanId, ct).ConfigureAwait(false)));

    public Task<MaasInterface> SetBridgeTypeAsync(string systemId, int interfaceId, string bridgeType, CancellationToken ct) =>
        Translated(async () => ToPort(await client.Interfaces.UpdateBridgeTypeAsync(systemId, interfaceId, Kind(bridgeType), ct).ConfigureAwait(false)));

    public Task<MaasInterface> LinkStaticAsync(string systemId, int interfaceId, int subnetId, string ipAddress, bool force, CancellationToken ct) =>
        Translated(async () => ToPort(await client.Interfaces.LinkSubnetAsync(systemId, interfaceId, LinkMode.Static, subnetId, ipAddress, force, ct).ConfigureAwait(false)));

    public Task<MaasInterface> UnlinkAsync(string systemId, int interfaceId, int linkId, CancellationToken ct) =>
        Translated(async () => ToPort(await client.Interfaces.UnlinkSubnetAsync(systemId, interfaceId, linkId, ct).ConfigureAwait(false)));

    public Task DeleteInterfaceAsync(string systemId, int interfaceId, CancellationToken ct) =>
        Translated(async () => { await client.Interfaces.DeleteAsync(systemId, interfaceId, ct).ConfigureAwait(false); return true; });

    private static BridgeKind Kind(string bridgeType) => bridgeType == "ovs" ? BridgeKind.Ovs : BridgeKind.Standard;

    private static string? SpaceName(string? space) => space is null or "undefined" ? null : space;

    private static MaasVlan ToPort(Vlan v) => new(v.Id, v.Vid, v.FabricId ?? -1, v.Fabric, SpaceName(v.Space));

    private static MaasInterface ToPort(MachineInterface i) => new(i.Id, i.Name, i.Type, i.MacAddress, i.Parents,
        i.Links.Select(l => new MaasLink(l.Id, l.Mode, l.Subnet?.Cidr, l.IpAddress, l.Subnet?.Id)).ToList(),
        i.Vlan is null ? null : ToPort(i.Vlan), i.Type == "bridge" ? i.Params?.BridgeType ?? "standard" : null);
}
