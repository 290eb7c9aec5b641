using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Reenroll;

/// <summary>
/// What re-enrolment reads, fresh each time: each host's domain and boot NIC, MAAS's machines by hostname and by boot
/// MAC (one filtered read each), and the system_ids the teardown journalled before it ran.
/// </summary>
public sealed record ReenrollObservation(
    IReadOnlyList<HostEnrolment> Hosts,
    string? HypervisorError,
    IReadOnlyDictionary<string, string> PreTeardownIds);

/// <summary>
/// One host as observed: whether its domain is defined, its boot NIC's MAC (or why there is none), the MAAS machine
/// with its hostname and the one holding its boot MAC (the same machine when it is enrolled).
/// </summary>
public sealed record HostEnrolment(Host Host, bool DomainDefined, string? BootMac, string? BootNicProblem, MaasMachine? ByName, EnlistedMachine? ByMac)
{
    /// <summary>MAAS already has this host: its hostname holds the domain's boot MAC.</summary>
    public bool Enrolled => ByMac is not null && ByMac.Hostname == Host.Name && (ByName is null || ByName.SystemId == ByMac.SystemId);

    /// <summary>Enrolled, but at New: its commissioning never started or was aborted because MAAS could not power it.</summary>
    public bool Unpowered => Enrolled && ByMac!.StatusName == "New";
}
