using Slate.Runbook.Ports;

namespace Slate.Runbook.BundleCheck;

/// <summary>What `bundle check --live` read of MAAS's network for the VIPs: the topology with its IP ranges, and the address rows of each subnet holding a VIP.</summary>
public sealed record LiveNetwork(MaasTopology Topology, IReadOnlyDictionary<int, IReadOnlyList<MaasAddress>> Addresses);
