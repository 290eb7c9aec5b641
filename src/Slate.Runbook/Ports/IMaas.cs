namespace Slate.Runbook.Ports;

/// <summary>
/// What the runbook asks of MAAS. Implemented over the real MAAS REST client (also used against the lab).
/// Every failure is a <see cref="MaasException"/>.
/// </summary>
public partial interface IMaas
{
    Task<string> GetMaasNameAsync(CancellationToken ct);

    Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct);

    /// <summary>One filtered read: only the named machines, never the whole machine list.</summary>
    Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct);

    /// <summary>GET devices/: every device with its parent and addresses, in one read (Juju's container devices among them).</summary>
    Task<IReadOnlyList<MaasDevice>> ListDevicesAsync(CancellationToken ct);

    /// <summary>Deletes the machine (MAAS answers at once; it leaves the listing when it is gone). A pod VM is decomposed.</summary>
    Task DeleteMachineAsync(string systemId, CancellationToken ct);

    /// <summary>One filtered read by MAC (MAAS's mac_address filter): the machines holding any of these MACs, with MAAS's status message.</summary>
    Task<IReadOnlyList<EnlistedMachine>> FindMachinesByMacAsync(IReadOnlyCollection<string> macs, CancellationToken ct);

    /// <summary>
    /// POST machines/ with virsh power; MAAS starts commissioning at once. A lost answer (OutcomeUnknown) may have
    /// created the machine: re-read by MAC before anything else, never send it again blindly.
    /// </summary>
    Task<EnlistedMachine> EnlistMachineAsync(MachineEnlistment enlistment, CancellationToken ct);

    /// <summary>PUT machines/{id}/ with virsh power parameters (the password in the body only); MAAS stores them as given.</summary>
    Task SetVirshPowerAsync(string systemId, VirshPower power, CancellationToken ct);

    /// <summary>POST machines/{id}/ op=commission (New, Ready, Broken and the failed states may commission).</summary>
    Task<EnlistedMachine> CommissionAsync(string systemId, CancellationToken ct);
}

public sealed record MaasSpace(int Id, string Name, IReadOnlyList<string> Cidrs);

/// <summary>A machine as MAAS has it. Owner is null when no one holds it; PodName is set for a VM host's machine.</summary>
public sealed record MaasMachine(
    string SystemId, string Hostname, int Status, string StatusName, string PowerState, string? PodName, IReadOnlyList<MaasInterface> Interfaces,
    string? Owner = null);

/// <summary>An interface as MAAS has it; parents are names, as MAAS renders them. BridgeType is set on bridges (standard, ovs).</summary>
public sealed record MaasInterface(
    int Id, string Name, string Type, string? MacAddress, IReadOnlyList<string> Parents, IReadOnlyList<MaasLink> Links,
    MaasVlan? Vlan = null, string? BridgeType = null);

/// <summary>An IP link; SubnetId and Cidr are null for a subnet-less link_up.</summary>
public sealed record MaasLink(int Id, string Mode, string? Cidr, string? IpAddress, int? SubnetId = null);

/// <summary>The network side of MAAS (runbook Steps 6 and 7): the topology, who holds an address, and a Ready machine's interface tree.</summary>
public partial interface IMaas
{
    /// <summary>Fabrics (with their VLANs), subnets, spaces and IP ranges: four reads, once per run.</summary>
    Task<MaasTopology> ReadTopologyAsync(CancellationToken ct);

    /// <summary>Every address row of the subnet (links, leases, discovered, devices, controllers), with the node holding it.</summary>
    Task<IReadOnlyList<MaasAddress>> ListSubnetAddressesAsync(int subnetId, CancellationToken ct);

    Task<MaasInterface> CreateBridgeAsync(string systemId, string name, int parentId, string bridgeType, CancellationToken ct);

    /// <summary><paramref name="vlanId"/> is the VLAN's database id, not its VID.</summary>
    Task<MaasInterface> CreateVlanInterfaceAsync(string systemId, string name, int parentId, int vlanId, CancellationToken ct);

    /// <summary>PUT vlan=: MAAS moves the interface onto the VLAN (database id) and deletes its links.</summary>
    Task<MaasInterface> SetVlanAsync(string systemId, int interfaceId, int vlanId, CancellationToken ct);

    Task<MaasInterface> SetBridgeTypeAsync(string systemId, int interfaceId, string bridgeType, CancellationToken ct);

    /// <summary>With <paramref name="force"/> MAAS takes a subnet on another VLAN, moves the interface onto it and deletes its other links.</summary>
    Task<MaasInterface> LinkStaticAsync(string systemId, int interfaceId, int subnetId, string ipAddress, bool force, CancellationToken ct);

    Task<MaasInterface> UnlinkAsync(string systemId, int interfaceId, int linkId, CancellationToken ct);

    /// <summary>MAAS deletes the children the interface orphans with it.</summary>
    Task DeleteInterfaceAsync(string systemId, int interfaceId, CancellationToken ct);
}
