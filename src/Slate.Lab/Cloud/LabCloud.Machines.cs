using Slate.Lab.Faults;
using Slate.Runbook.Ports;
namespace Slate.Lab.Cloud;

public sealed partial class LabCloud
{
    private static readonly NodeStatus[] Releasable =
    [
        NodeStatus.Allocated, NodeStatus.Reserved, NodeStatus.Broken, NodeStatus.Deploying, NodeStatus.Deployed,
        NodeStatus.FailedDeployment, NodeStatus.FailedDiskErasing, NodeStatus.FailedReleasing,
    ];

    private static readonly NodeStatus[] Commissionable =
        [NodeStatus.New, NodeStatus.FailedCommissioning, NodeStatus.Ready, NodeStatus.Broken];

    /// <summary>Enlists a machine; with <see cref="MachineSpec.Commission"/> it starts commissioning at once.</summary>
    public LabMachine CreateMachine(MachineSpec spec)
    {
        lock (SyncRoot)
        {
            Settle();
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (spec.MacAddresses.Count == 0) errors["mac_addresses"] = ["This field is required."];
            if (string.IsNullOrEmpty(spec.Architecture)) errors["architecture"] = ["This field is required."];
            else if (spec.Architecture is not ("amd64" or "amd64/generic"))
                errors["architecture"] = [$"'{spec.Architecture}' is not a valid architecture.  It should be one of: 'amd64/generic'."];
            var macErrors = new List<string>();
            foreach (var mac in spec.MacAddresses)
            {
                if (!IsMac(mac)) macErrors.Add($"'{mac}' is not a valid MAC address.");
                else if (MacInUse(mac, out var owner)) macErrors.Add($"MAC address {mac.ToLowerInvariant()} already in use on {owner!.Hostname}.");
            }
            if (macErrors.Count == 1 && spec.MacAddresses.Count == 1) errors["mac_addresses"] = [.. macErrors];
            else if (macErrors.Count > 0) errors["mac_addresses"] = ["One or more MAC addresses is invalid. " + string.Join(" ", macErrors)];
            if (spec.Hostname is { } taken && _machines.Exists(m => m.Hostname == taken))
                errors["hostname"] = ["Node with this Hostname already exists."];
            if (spec.PowerType is not ("virsh" or "manual" or "ipmi" or "")) errors["power_type"] = [$"'{spec.PowerType}' is not a valid power_type."];
            if (errors.Count > 0) throw LabApiException.Invalid(errors);

            var machine = new LabMachine(NewSystemId(), spec.Hostname ?? $"lab-{_issuedSystemIds.Count}")
            {
                Status = NodeStatus.New,
                PowerType = spec.PowerType,
                PowerState = spec.PowerType == "virsh" ? "off" : "unknown",
            };
            foreach (var (key, value) in spec.PowerParameters) machine.PowerParameters[key] = value;
            if (spec.PowerType == "virsh" && machine.PowerParameters.GetValueOrDefault("power_address") == Pod.PowerAddress)
            {
                machine.Pod = Pod; // same power address → same BMC, which is the pod's (reference §10.8)
            }
            var index = 1;
            foreach (var mac in spec.MacAddresses)
            {
                var nic = NewInterface($"enp{index++}s0", InterfaceType.Physical, mac.ToLowerInvariant());
                nic.Vlan = Vlans[0];
                machine.Interfaces.Add(nic);
            }
            _machines.Add(machine);
            Record("maas", $"created {machine.Hostname} ({machine.SystemId})");
            if (spec.Commission) StartCommissioning(machine);
            return machine;
        }
    }

    public LabMachine CommissionMachine(string systemId)
    {
        lock (SyncRoot)
        {
            var machine = GetMachine(systemId);
            if (!Commissionable.Contains(machine.Status))
                throw LabApiException.Invalid("__all__", "Commission is not available because of the current state of the node.");
            StartCommissioning(machine);
            return machine;
        }
    }

    /// <summary>Releases a machine: 12 Releasing now; later Ready/New, or gone from MAAS when it is dynamic.</summary>
    public LabMachine ReleaseMachine(string systemId)
    {
        lock (SyncRoot)
        {
            var machine = GetMachine(systemId);
            if (machine.Status is NodeStatus.Ready or NodeStatus.Releasing) return machine;
            if (!Releasable.Contains(machine.Status))
                throw LabApiException.Conflict($"Machine cannot be released in its current state ('{machine.Status.Label()}').");
            machine.Status = NodeStatus.Releasing;
            machine.StatusMessage = "Releasing";
            machine.OSystem = "";
            machine.DistroSeries = "";
            machine.ConstraintsByType = false;
            foreach (var link in machine.Interfaces.SelectMany(i => i.Links).Where(l => l.Mode == LinkMode.Auto)) link.IpAddress = null;
            Record("maas", $"release {machine.Hostname} ({machine.SystemId})");
            // MAAS finalises at once when the machine is off or its power cannot be queried (manual).
            if (machine.PowerState != "on") Finish(machine, TransitionKind.FinishReleasing);
            else machine.Pending = new PendingTransition(TransitionKind.FinishReleasing, Time.GetUtcNow() + Timings.Releasing);
            return machine;
        }
    }

    /// <summary>Removes a machine from MAAS; a pod machine's VM is decomposed (destroyed with its storage).</summary>
    public void DeleteMachine(string systemId)
    {
        lock (SyncRoot)
        {
            var machine = GetMachine(systemId);
            Remove(machine);
            if (machine.Pod is null)
            {
                Record("maas", $"deleted {machine.Hostname} ({machine.SystemId})");
                return;
            }
            var twin = Hypervisor.HasDomain(DomainOf(machine));
            if (twin) Hypervisor.Decompose(DomainOf(machine));
            Record("maas", $"deleted {machine.Hostname} ({machine.SystemId}); decomposed VM {DomainOf(machine)} in pod {machine.Pod.Name}" +
                (twin ? ": domain and its disks destroyed" : " (a VM the lab hypervisor does not model)"));
        }
    }

    public LabMachine AllocateMachine(string? systemId, string? hostname)
    {
        lock (SyncRoot)
        {
            Settle();
            var machine = _machines.Find(m => m.Status == NodeStatus.Ready
                && (systemId is null || m.SystemId == systemId) && (hostname is null || m.Hostname == hostname));
            if (machine is null)
            {
                throw LabApiException.Conflict(systemId is not null ? $"No machine with system ID {systemId} available." : "No machine available.");
            }
            machine.Status = NodeStatus.Allocated;
            machine.Owner = AdminUser;
            machine.ConstraintsByType = true;
            Record("maas", $"allocate {machine.Hostname} ({machine.SystemId})");
            return machine;
        }
    }

    public LabMachine DeployMachine(string systemId, string? distroSeries)
    {
        lock (SyncRoot)
        {
            var machine = GetMachine(systemId);
            if (machine.Status is not (NodeStatus.Ready or NodeStatus.Allocated))
                throw LabApiException.Conflict($"Can't deploy a machine that is in the '{machine.Status.Label()}' state");
            if (!machine.Interfaces.Any(i => i.Links.Any(l => l.Mode != LinkMode.LinkUp && l.Subnet is not null)))
                throw LabApiException.Invalid("network", "Node must be configured to use a network");
            machine.Owner = AdminUser;
            machine.Status = NodeStatus.Deploying;
            machine.StatusMessage = "Deploying";
            SetPower(machine, "on");
            machine.OSystem = "ubuntu";
            machine.DistroSeries = string.IsNullOrEmpty(distroSeries) ? "jammy" : distroSeries;
            foreach (var link in machine.Interfaces.SelectMany(i => i.Links).Where(l => l.Mode == LinkMode.Auto && l.Subnet is not null))
            {
                link.IpAddress ??= NextFreeAddress(link.Subnet!);
            }
            machine.Pending = new PendingTransition(TransitionKind.FinishDeploying, Time.GetUtcNow() + Timings.Deploying);
            Record("maas", $"deploy {machine.Hostname} ({machine.SystemId})");
            return machine;
        }
    }

    public LabMachine AbortMachine(string systemId)
    {
        lock (SyncRoot)
        {
            var machine = GetMachine(systemId);
            machine.Status = machine.Status switch
            {
                NodeStatus.Commissioning => NodeStatus.New,
                NodeStatus.Deploying => NodeStatus.Allocated,
                NodeStatus.DiskErasing => NodeStatus.FailedDiskErasing,
                _ => throw LabApiException.Conflict(
                    $"Cannot abort in current state: node {machine.SystemId} is in state {machine.Status.Label()}."),
            };
            machine.Pending = null;
            SetPower(machine, "off");
            if (machine.Status == NodeStatus.New) machine.Owner = null;
            Record("maas", $"abort {machine.Hostname} ({machine.SystemId}) -> {machine.Status.Label()}");
            return machine;
        }
    }

    public LabMachine PowerOn(string systemId)
    {
        lock (SyncRoot)
        {
            var machine = GetMachine(systemId);
            if (machine.Owner is null) throw LabApiException.Conflict("Can't start node: it hasn't been allocated.");
            SetPower(machine, "on");
            Record("maas", $"power on {machine.Hostname} ({machine.SystemId})");
            return machine;
        }
    }

    public LabMachine PowerOff(string systemId)
    {
        lock (SyncRoot)
        {
            var machine = GetMachine(systemId);
            SetPower(machine, "off");
            Record("maas", $"power off {machine.Hostname} ({machine.SystemId})");
            return machine;
        }
    }

    private void StartCommissioning(LabMachine machine)
    {
        foreach (var nic in machine.Interfaces) nic.Links.Clear();
        machine.StatusMessage = $"From '{machine.Status.Label()}' to 'Commissioning'";
        machine.Status = NodeStatus.Commissioning;
        machine.Owner = AdminUser;
        SetPower(machine, "on");
        machine.Pending = new PendingTransition(TransitionKind.FinishCommissioning, Time.GetUtcNow() + Timings.Commissioning);
        Record("maas", $"commission {machine.Hostname} ({machine.SystemId})");
    }

    private void Finish(LabMachine machine, TransitionKind kind)
    {
        switch (kind)
        {
            case TransitionKind.FinishCommissioning when Faults.FailCommissioning.Contains(machine.Hostname):
                // Links stay cleared: MAAS resets networking only after commissioning succeeds.
                machine.Status = NodeStatus.FailedCommissioning;
                machine.StatusMessage = "Failed commissioning";
                Record(LabFaults.EventSource, $"commissioning of {machine.Hostname} ({machine.SystemId}) failed");
                break;
            case TransitionKind.FinishCommissioning:
                machine.Status = NodeStatus.Ready;
                machine.StatusMessage = "Ready";
                machine.Owner = null;
                SetPower(machine, "off");
                machine.Commissioned = true;
                ResetNetworking(machine);
                break;
            case TransitionKind.FinishDeploying:
                machine.Status = NodeStatus.Deployed;
                machine.StatusMessage = "Deployed";
                break;
            case TransitionKind.FinishReleasing when machine.Dynamic:
                // The reference has MAAS decompose a released dynamic VM; on the runbook's virsh pod the domain was
                // observed to survive, shut off (runbook Step 2, "observed 3x"), and the lab follows the observation.
                SetPower(machine, "off");
                Remove(machine);
                Record("maas", $"released {machine.Hostname} ({machine.SystemId}): a dynamic pod machine, gone from MAAS; domain {DomainOf(machine)} kept, shut off");
                return;
            case TransitionKind.FinishReleasing:
                machine.Status = machine.Commissioned ? NodeStatus.Ready : NodeStatus.New;
                machine.StatusMessage = "Released";
                machine.Owner = null;
                SetPower(machine, "off");
                break;
        }
        Record("maas", $"{machine.Hostname} ({machine.SystemId}) is {machine.Status.Label()}");
    }

    /// <summary>After commissioning MAAS sets the boot NIC to AUTO and every other NIC on a VLAN to LINK_UP.</summary>
    private void ResetNetworking(LabMachine machine)
    {
        var boot = machine.BootInterface;
        foreach (var nic in machine.Interfaces.Where(i => i.Vlan is not null))
        {
            var subnet = nic == boot ? BootSubnet(nic.Vlan) : null;
            nic.Links.Add(subnet is null ? NewLink(LinkMode.LinkUp, null, null) : NewLink(LinkMode.Auto, subnet, null));
        }
    }

    /// <summary>
    /// MAAS's power state and the pod VM's domain state move together, as the virsh power driver makes them: the
    /// domain is the one named by power_id. A manual BMC cannot be driven or queried, so its state stays "unknown".
    /// </summary>
    private void SetPower(LabMachine machine, string state)
    {
        if (machine.PowerType == "manual") return;
        machine.PowerState = state;
        var domain = DomainOf(machine);
        if (machine.Pod is not null && Hypervisor.HasDomain(domain))
            Hypervisor.SetState(domain, state == "on" ? DomainState.Running : DomainState.ShutOff);
    }

    private static string DomainOf(LabMachine machine) => machine.PowerParameters.GetValueOrDefault("power_id") ?? machine.Hostname;

    private void Remove(LabMachine machine)
    {
        _machines.Remove(machine);
        machine.Pending = null;
    }

    private static bool IsMac(string value) =>
        value.Length == 17 && value.Select((c, i) => i % 3 == 2 ? c == ':' : Uri.IsHexDigit(c)).All(ok => ok);
}
