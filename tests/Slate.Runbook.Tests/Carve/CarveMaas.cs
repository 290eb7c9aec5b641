using Slate.Runbook.Ports;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Carve;

/// <summary>
/// The runbook's MAAS network model for the carve and the standup check: the six planes' topology, Ready machines with
/// their interface trees, and the interface writes applied as MAAS applies them (maas src/maasserver/models/interface.py:
/// a new bridge takes its parent's VLAN and clears the parent's links; deleting an interface deletes the children it
/// orphans; a forced link moves the interface onto the subnet's VLAN and drops its other links). Writes are logged.
/// </summary>
internal sealed class CarveMaas : IMaas
{
    public static readonly MaasVlan Provider = new(5001, 0, 0, "fabric-0", "provider-public");
    public static readonly MaasVlan Metal = new(5002, 0, 1, "fabric-1", "metal-admin");
    public static readonly MaasVlan Internal = new(5003, 103, 1, "fabric-1", "metal-internal");
    public static readonly MaasVlan Data = new(5004, 0, 2, "fabric-2", "data-tenant");
    public static readonly MaasVlan Storage = new(5005, 0, 3, "fabric-3", "storage");
    public static readonly MaasVlan Replication = new(5006, 0, 4, "fabric-4", "replication");

    private readonly Dictionary<string, (string Hostname, string Status, List<MaasInterface> Interfaces)> _machines = new(StringComparer.Ordinal);
    private int _ids = 100;

    /// <param name="strayFabrics">fabrics beyond the planes' (commissioning's fabric-N, say).</param>
    public CarveMaas(IReadOnlyList<MaasSubnet>? subnets = null, IReadOnlyList<MaasSpace>? spaces = null, IReadOnlyList<MaasFabric>? strayFabrics = null)
    {
        var vlans = new[] { Provider, Metal, Internal, Data, Storage, Replication };
        subnets ??=
        [
            new MaasSubnet(1, "10.12.4.0/22", Provider, "provider-public"), new MaasSubnet(2, "10.12.8.0/22", Metal, "metal-admin"),
            new MaasSubnet(3, "10.12.12.0/22", Internal, "metal-internal"), new MaasSubnet(4, "10.12.16.0/22", Data, "data-tenant"),
            new MaasSubnet(5, "10.12.32.0/22", Storage, "storage"), new MaasSubnet(6, "10.12.36.0/22", Replication, "replication"),
        ];
        spaces ??= subnets.Select(s => new MaasSpace(s.Id, s.Space!, [s.Cidr])).ToList();
        Topology = new MaasTopology(
            [.. vlans.GroupBy(v => v.FabricId).Select(g => new MaasFabric(g.Key, g.First().Fabric, g.ToList())), .. strayFabrics ?? []], subnets, spaces);
    }

    public MaasTopology Topology { get; }

    public Dictionary<int, IReadOnlyList<MaasAddress>> Addresses { get; } = [];

    public List<string> Writes { get; } = [];

    public List<int> AddressReads { get; } = [];

    /// <summary>A freshly commissioned host: the five NICs on their planes' VLANs, the boot NIC AUTO, the others link_up.</summary>
    public static List<MaasInterface> Commissioned() =>
    [
        Nic(1, "enp1s0", Provider, new MaasLink(11, "link_up", null, null)),
        Nic(2, "enp7s0", Metal, new MaasLink(12, "auto", "10.12.8.0/22", null, 2)),
        Nic(3, "enp8s0", Data, new MaasLink(13, "link_up", null, null)),
        Nic(4, "enp9s0", Storage, new MaasLink(14, "link_up", null, null)),
        Nic(5, "enp10s0", Replication, new MaasLink(15, "link_up", null, null)),
    ];

    public static MaasInterface Nic(int id, string name, MaasVlan vlan, params MaasLink[] links) => new(id, name, "physical", null, [], links, vlan);

    public void Add(string systemId, string hostname, string status, IEnumerable<MaasInterface> interfaces) =>
        _machines[systemId] = (hostname, status, interfaces.ToList());

    public void Remove(string systemId) => _machines.Remove(systemId);

    /// <summary>The cloud as Step 5 leaves it for the carve: every other host of the site re-enrolled, Ready, freshly commissioned.</summary>
    public CarveMaas WithOthersReady(string carved)
    {
        foreach (var host in CaracalCloud.Caracal.Hosts.Where(h => h.Name != carved))
            Add("id-" + host.Name, host.Name, "Ready", Commissioned());
        return this;
    }

    public IReadOnlyList<MaasInterface> InterfacesOf(string systemId) => _machines[systemId].Interfaces;

    public Task<string> GetMaasNameAsync(CancellationToken ct) => Task.FromResult("caracal-testcloud");

    public Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MaasMachine>>(_machines.Where(m => hostnames.Contains(m.Value.Hostname))
            .Select(m => new MaasMachine(m.Key, m.Value.Hostname, 4, m.Value.Status, "off", "pod", m.Value.Interfaces.ToList())).ToList());

    public Task<MaasTopology> ReadTopologyAsync(CancellationToken ct) => Task.FromResult(Topology);

    public Task<IReadOnlyList<MaasAddress>> ListSubnetAddressesAsync(int subnetId, CancellationToken ct)
    {
        AddressReads.Add(subnetId);
        return Task.FromResult(Addresses.GetValueOrDefault(subnetId) ?? []);
    }

    public Task<MaasInterface> CreateBridgeAsync(string systemId, string name, int parentId, string bridgeType, CancellationToken ct)
    {
        Writes.Add($"create_bridge {systemId} {name} parent={parentId} bridge_type={bridgeType}");
        var parent = Find(systemId, parentId);
        Replace(systemId, parent with { Links = [] });
        return Created(systemId, new MaasInterface(++_ids, name, "bridge", null, [parent.Name], [], parent.Vlan, bridgeType));
    }

    public Task<MaasInterface> CreateVlanInterfaceAsync(string systemId, string name, int parentId, int vlanId, CancellationToken ct)
    {
        Writes.Add($"create_vlan {systemId} {name} parent={parentId} vlan={vlanId}");
        var vlan = Topology.Fabrics.SelectMany(f => f.Vlans).Single(v => v.Id == vlanId);
        return Created(systemId, new MaasInterface(++_ids, name, "vlan", null, [Find(systemId, parentId).Name], [], vlan));
    }

    /// <summary>signals/interfaces.py interface_vlan_update: the interface moves and loses its links.</summary>
    public Task<MaasInterface> SetVlanAsync(string systemId, int interfaceId, int vlanId, CancellationToken ct)
    {
        Writes.Add($"update {systemId} {interfaceId} vlan={vlanId}");
        var vlan = Topology.Fabrics.SelectMany(f => f.Vlans).Single(v => v.Id == vlanId);
        return Task.FromResult(Replace(systemId, Find(systemId, interfaceId) with { Vlan = vlan, Links = [] }));
    }

    public Task<MaasInterface> SetBridgeTypeAsync(string systemId, int interfaceId, string bridgeType, CancellationToken ct)
    {
        Writes.Add($"update {systemId} {interfaceId} bridge_type={bridgeType}");
        return Task.FromResult(Replace(systemId, Find(systemId, interfaceId) with { BridgeType = bridgeType }));
    }

    public Task<MaasInterface> LinkStaticAsync(string systemId, int interfaceId, int subnetId, string ipAddress, bool force, CancellationToken ct)
    {
        Writes.Add($"link_subnet {systemId} {interfaceId} subnet={subnetId} ip_address={ipAddress}{(force ? " force" : "")}");
        var subnet = Topology.Subnets.Single(s => s.Id == subnetId);
        var target = Find(systemId, interfaceId);
        var link = new MaasLink(++_ids, "static", subnet.Cidr, ipAddress, subnetId);
        return Task.FromResult(Replace(systemId, force
            ? target with { Vlan = subnet.Vlan, Links = [link] }
            : target with { Links = [.. target.Links, link] }));
    }

    public Task<MaasInterface> UnlinkAsync(string systemId, int interfaceId, int linkId, CancellationToken ct)
    {
        Writes.Add($"unlink_subnet {systemId} {interfaceId} id={linkId}");
        var target = Find(systemId, interfaceId);
        return Task.FromResult(Replace(systemId, target with { Links = target.Links.Where(l => l.Id != linkId).ToList() }));
    }

    public Task DeleteInterfaceAsync(string systemId, int interfaceId, CancellationToken ct)
    {
        Writes.Add($"delete {systemId} {interfaceId}");
        var interfaces = _machines[systemId].Interfaces;
        var gone = new HashSet<string>([Find(systemId, interfaceId).Name], StringComparer.Ordinal);
        while (interfaces.FirstOrDefault(i => !gone.Contains(i.Name) && i.Parents.Count > 0 && i.Parents.All(gone.Contains)) is { } orphan)
            gone.Add(orphan.Name);
        interfaces.RemoveAll(i => gone.Contains(i.Name));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct) => throw Absent();

    public Task DeleteMachineAsync(string systemId, CancellationToken ct) => throw Absent();

    public Task<IReadOnlyList<EnlistedMachine>> FindMachinesByMacAsync(IReadOnlyCollection<string> macs, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<EnlistedMachine>>(_machines
            .Where(m => m.Value.Interfaces.Any(i => i.MacAddress is { } mac && macs.Contains(mac, StringComparer.OrdinalIgnoreCase)))
            .Select(m => new EnlistedMachine(m.Key, m.Value.Hostname, m.Value.Status, "", "off",
                [.. m.Value.Interfaces.Select(i => i.MacAddress).OfType<string>().Select(mac => mac.ToLowerInvariant())]))
            .ToList());

    public Task<EnlistedMachine> EnlistMachineAsync(MachineEnlistment enlistment, CancellationToken ct) => throw Absent();

    public Task<IReadOnlyList<MaasDevice>> ListDevicesAsync(CancellationToken ct) => throw Absent();

    public Task SetVirshPowerAsync(string systemId, VirshPower power, CancellationToken ct) => throw Absent();

    public Task<EnlistedMachine> CommissionAsync(string systemId, CancellationToken ct) => throw Absent();

    private static NotSupportedException Absent() => new("the carve's MAAS has interfaces only");

    private MaasInterface Find(string systemId, int interfaceId) =>
        _machines[systemId].Interfaces.SingleOrDefault(i => i.Id == interfaceId)
        ?? throw new MaasException(MaasFailure.NotFound, $"No Interface matches the given query ({interfaceId}).");

    private Task<MaasInterface> Created(string systemId, MaasInterface created)
    {
        _machines[systemId].Interfaces.Add(created);
        return Task.FromResult(created);
    }

    private MaasInterface Replace(string systemId, MaasInterface changed)
    {
        var interfaces = _machines[systemId].Interfaces;
        interfaces[interfaces.FindIndex(i => i.Id == changed.Id)] = changed;
        return changed;
    }
}
