using Slate.Runbook.Core;

namespace Slate.Runbook.Preflight;

/// <summary>Runbook Step 1's baseline: the planes as MAAS has them, and the status of every machine the phase acts on.</summary>
public sealed record PreflightReport(
    IReadOnlyList<PlaneCheck> Planes,
    IReadOnlyList<MachineBaseline> Machines,
    IReadOnlyList<OsdDiskBaseline> OsdDisks,
    JujuBaseline? Juju,
    IReadOnlyList<Finding> Findings)
{
    public bool HasFatal => Findings.Any(f => f.Severity == Severity.Fatal);
}

public enum PlaneState { Ok, Missing, WrongCidr }

/// <summary>One plane of the site against the MAAS space of the same name.</summary>
public sealed record PlaneCheck(string Name, string ExpectedCidr, IReadOnlyList<string> ActualCidrs, PlaneState State);

public enum MachineRole { Host, Orphan, Protected }

/// <summary>A machine the phase knows by name; SystemId and Status are null when MAAS has no such machine.</summary>
public sealed record MachineBaseline(string Hostname, MachineRole Role, string? SystemId, string? StatusName, string? PowerState);

/// <summary>A host's OSD disk as the hypervisor has it (the runbook expects running, libvirt-qemu:kvm before the wipe).</summary>
public sealed record OsdDiskBaseline(string Host, string DomainState, string Path, string? Owner, string? Mode, long? AllocationBytes);
