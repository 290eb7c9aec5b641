namespace Slate.Lab.Cloud;

/// <summary>The machine-list filters the lab applies (MAAS 3.7 ReadNodesForm); an empty list does not filter.</summary>
public sealed record MachineQuery(
    IReadOnlyList<string> SystemIds, IReadOnlyList<string> Hostnames, IReadOnlyList<string> MacAddresses,
    IReadOnlyList<NodeStatus> Statuses, IReadOnlyList<string> Zones, IReadOnlyList<string> Pools,
    IReadOnlyList<string> Tags, IReadOnlyList<string> Owners, IReadOnlyList<string> PowerStates,
    IReadOnlyList<string> PodNames, IReadOnlyList<string> PodTypes)
{
    public bool Matches(LabMachine m) =>
        (SystemIds.Count == 0 || SystemIds.Contains(m.SystemId))
        && (Hostnames.Count == 0 || Hostnames.Contains(m.Hostname))
        && (MacAddresses.Count == 0 || m.Interfaces.Any(i => MacAddresses.Contains(i.MacAddress, StringComparer.OrdinalIgnoreCase)))
        && (Statuses.Count == 0 || Statuses.Contains(m.Status))
        && (Zones.Count == 0 || Zones.Contains(LabCloud.DefaultZone))
        && (Pools.Count == 0 || Pools.Contains(LabCloud.DefaultPool))
        && Tags.All(m.Tags.Contains)
        && (Owners.Count == 0 || (m.Owner is { } owner && Owners.Contains(owner)))
        && (PowerStates.Count == 0 || PowerStates.Contains(m.PowerState))
        && (PodNames.Count == 0 || (m.Pod is { } pod && PodNames.Contains(pod.Name)))
        && (PodTypes.Count == 0 || (m.Pod is not null && PodTypes.Contains("virsh")));
}
