using Slate.Runbook.Ports;

namespace Slate.Runbook.Teardown;

/// <summary>
/// What the teardown reads, fresh each time: the site's machines in MAAS (one filtered read), MAAS's devices (one
/// read: Juju's container devices), the model (null when juju says it does not exist), the hypervisor's domains, and
/// the baseline the journal kept from the last apply, and the teardown's record of each host's id before it. A port
/// that could not be read leaves its error instead of a value.
/// </summary>
public sealed record TeardownObservation(
    IReadOnlyList<MaasMachine> Machines,
    IReadOnlyList<MaasDevice> Devices,
    JujuModelStatus? Model,
    string? JujuError,
    IReadOnlyList<HypervisorDomain>? Domains,
    string? HypervisorError,
    JournalBaseline Baseline,
    TeardownRecord Record)
{
    public MaasMachine? Machine(string hostname) => Machines.FirstOrDefault(m => m.Hostname == hostname);

    public MaasMachine? MachineWithId(string? systemId) => Machines.FirstOrDefault(m => m.SystemId == systemId);

    public HypervisorDomain? Domain(string name) => Domains?.FirstOrDefault(d => d.Name == name);

    /// <summary>The MAAS device Juju registered for a container: the one named as the container's hostname.</summary>
    public MaasDevice? DeviceOf(JujuMachine container) => Devices.FirstOrDefault(d => d.Hostname == (container.Hostname ?? container.InstanceId));

    /// <summary>The model's machine whose instance is this MAAS machine.</summary>
    public JujuMachine? ModelMachine(MaasMachine machine) => Model?.Machines.FirstOrDefault(m => m.InstanceId == machine.SystemId);

    /// <summary>
    /// The host's machine when it was re-enrolled after the journalled teardown (Step 5): outside the model, with a
    /// system_id other than the one the teardown recorded. The torn-down machine is gone; this is its successor.
    /// </summary>
    public MaasMachine? ReenrolledSince(string hostname) =>
        Machine(hostname) is { } machine && ModelMachine(machine) is null
        && Record.IdOf(hostname) is { } before && before != machine.SystemId
            ? machine
            : null;
}
