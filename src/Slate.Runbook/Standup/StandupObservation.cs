using Slate.Runbook.Ports;

namespace Slate.Runbook.Standup;

/// <summary>What the standup check read: the topology once and the site's hosts in one filtered read.</summary>
public sealed record StandupObservation(MaasTopology Topology, IReadOnlyList<MaasMachine> Machines);
