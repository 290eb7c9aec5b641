using Slate.Runbook.Ports;

namespace Slate.Runbook.Carve;

/// <summary>
/// What one carve run read: the topology and the plane subnets' addresses once, and each host's machine (its status
/// and interface tree in one read). Machines holds only the hosts MAAS has.
/// </summary>
public sealed record CarveObservation(
    MaasTopology Topology, IReadOnlyDictionary<int, IReadOnlyList<MaasAddress>> Addresses, IReadOnlyList<MaasMachine> Machines);
