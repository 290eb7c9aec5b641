using Slate.Lab.Faults;

namespace Slate.Lab.Cloud;

/// <summary>Enlistment and the status machine (MAAS models/node.py, node_status.py, api/machines.py).</summary>
public sealed partial class LabMachines
{
    private static readonly NodeStatus[] Releasable =
    [
        NodeStatus.Allocated, NodeStatus.Reserved, NodeStatus.Broken, NodeStatus.Deploying, NodeStatus.Deployed,
        NodeStatus.FailedDeployment, NodeStatus.FailedDiskErasing, NodeStatus.FailedReleasing,
    ];

    private static readonly NodeStatus[] Commissionable =
        [NodeStatus.New, NodeStatus.FailedCommissioning, NodeStatus.Ready, NodeStatus.Broken, NodeStatus.FailedTesting];

    /// <summary>Enlists a machine (NICs eth0…, on no VLAN until commissioning observes them); with <see cref="MachineSpec.Commission"/> it commissions at once.</summary>
    public LabMachine Create(MachineSpec spec)
    {
        lock (_cloud.SyncRoot)
        {
            Settle();
            return Enlist(spec);
        }
    }

    /// <summary>Create without settling first, for the aggregates that enlist while the clock is being settled (a chassis probe).</summary>
    internal LabMachine Enlist(MachineSpec spec)
    {
        lock (_cloud.SyncRoot)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (spec.MacAddresses.Count == 0) errors["mac_addresses"] = ["This field is required."];
            if (string.IsNullOrEmpty(spec.Architecture)) errors["architecture"] = ["This field is required."];
            else if (spec.Architecture is not ("amd64" or "amd64/generic"))
                errors["architecture"] = [$"'{spec.Architecture}' is not a valid architecture.  It should be one of: 'amd64/generic'."];
            var macErrors = new List<string>();
            foreach (var mac in spec.MacAddresses)
            {
                if (!MacAddressText.IsValid(mac)) macErrors.Add($"'{mac}' is not a valid MAC address.");
                else if (OwnerOfMac(mac) is { } owner) macErrors.Add($"MAC address {mac.ToLowerInvariant()} already in use on {owner.Hostname}.");
            }
            if (macErrors.Count == 1 && spec.MacAddresses.Count == 1) errors["mac_addresses"] = [.. macErrors];
            else if (macErrors.Count > 0) errors["mac_addresses"] = ["One or more MAC addresses is invalid. " + string.Join(" ", macErrors)];
            if (spec.Hostname is { } taken && _machines.Exists(m => m.Hostname == taken))
                errors["hostname"] = ["Node with this Hostname already exists."];
            if (spec.PowerType is not ("virsh" or "manual" or "ipmi" or "")) errors["power_type"] = [$"'{spec.PowerType}' is not a valid power_type."];
            if (errors.Count > 0) throw LabApiException.Invalid(errors);

            var machine = Add(spec.Hostname ?? $"lab-{_issuedSystemIds.Count}", NodeStatus.New);
            machine.PowerType = spec.PowerType;
            machine.PowerState = spec.PowerType == "virsh" ? "off" : "unknown";
            foreach (var (key, value) in spec.PowerParameters) machine.PowerParameters[key] = value;
            _cloud.Pods.Adopt(machine);
            for (var index = 0; index < spec.MacAddresses.Count; index++)
            {
                machine.Interfaces.Add(_cloud.Interfaces.New($"eth{index}", InterfaceType.Physical, spec.MacAddresses[index].ToLowerInvariant()));
            }
            _cloud.Record("maas", $"created {machine.Hostname} ({machine.SystemId})");
            if (spec.Commission) StartCommissioning(machine);
            return machine;
        }
    }

    public LabMachine Update(string systemId, MachineEdit edit)
    {
        lock (_cloud.SyncRoot)
        {
            var machine = Get(systemId);
            if (edit.Hostname is { Length: > 0 } hostname && hostname != machine.Hostname)
            {
                if (_machines.Exists(m => m.Hostname == hostname)) throw LabApiException.Invalid("hostname", "Node with this Hostname already exists.");
                machine.Hostname = hostname;
            }
            machine.Description = edit.Description ?? machine.Description;
            machine.PowerType = edit.PowerType ?? machine.PowerType;
            foreach (var (key, value) in edit.PowerParameters) machine.PowerParameters[key] = value;
            _cloud.Record("maas", $"update {machine.Hostname} ({machine.SystemId})");
            return machine;
        }
    }

    public LabMachine Commission(string systemId)
    {
        lock (_cloud.SyncRoot)
        {
            var machine = Get(systemId);
            if (!Commissionable.Contains(machine.Status))
                throw LabApiException.Invalid("__all__", "Commission is not available because of the current state of the node.");
            StartCommissioning(machine);
            return machine;
        }
    }

    /// <summary>
    /// Releases a machine (api/machines.py release, models/node.py start_releasing): with <paramref name="erase"/> it
    /// passes through Disk erasing; then Ready/New, or gone from MAAS when it is dynamic.
    /// </summary>
    public LabMachine Release(string systemId, bool erase = false)
    {
        lock (_cloud.SyncRoot)
        {
            var machine = Get(systemId);
            if (machine.Status is NodeStatus.Ready or NodeStatus.Releasing) return machine;
            if (!Releasable.Contains(machine.Status))
                throw LabApiException.Conflict($"Machine cannot be released in its current state ('{machine.Status.Label()}').");
            StartReleasing(machine, erase);
            return machine;
        }
    }

    /// <summary>
    /// Bulk release (`POST machines/ op=release`, what Juju's MAAS provider calls): unknown ids are a 400, any machine
    /// in a state that cannot release fails the whole call with 409 and releases nothing (the request's transaction).
    /// </summary>
    public IReadOnlyList<string> ReleaseAll(IReadOnlyCollection<string> systemIds, bool erase)
    {
        lock (_cloud.SyncRoot)
        {
            Settle();
            var unknown = systemIds.Where(id => !_machines.Exists(m => m.SystemId == id)).ToList();
            if (unknown.Count > 0) throw LabApiException.BadRequest($"Unknown machine(s): {string.Join(", ", unknown)}.");
            var machines = _machines.Where(m => systemIds.Contains(m.SystemId)).ToList();
            var failed = machines.Where(m => m.Status != NodeStatus.Ready && !Releasable.Contains(m.Status))
                .Select(m => $"{m.SystemId} ('{m.Status.Label()}')").ToList();
            if (failed.Count > 0)
                throw LabApiException.Conflict($"Machine(s) cannot be released in their current state: {string.Join(", ", failed)}.");
            var released = machines.Where(m => Releasable.Contains(m.Status)).ToList();
            foreach (var machine in released) StartReleasing(machine, erase);
            return [.. released.Select(m => m.SystemId)];
        }
    }

    /// <summary>
    /// Deletes a machine: 204 at once. A pod machine stays listed until MAAS has decomposed its VM (the domain is
    /// undefined with all its storage, reference §3.6); any other leaves at once.
    /// </summary>
    public void Delete(string systemId)
    {
        lock (_cloud.SyncRoot)
        {
            var machine = Get(systemId);
            if (machine.Pod is null)
            {
                Remove(machine);
                _cloud.Record("maas", $"deleted {machine.Hostname} ({machine.SystemId})");
                return;
            }
            if (machine.Pending?.Kind == TransitionKind.FinishDecomposing) return;
            machine.Pending = new PendingTransition(TransitionKind.FinishDecomposing, _cloud.Time.GetUtcNow() + _cloud.Timings.Decomposing);
            _cloud.Record("maas", $"delete {machine.Hostname} ({machine.SystemId}): decomposing VM {LabPods.DomainOf(machine)} in pod {machine.Pod.Name}");
        }
    }

    public LabMachine Allocate(string? systemId, string? hostname)
    {
        lock (_cloud.SyncRoot)
        {
            Settle();
            var machine = _machines.Find(m => m.Status == NodeStatus.Ready
                && (systemId is null || m.SystemId == systemId) && (hostname is null || m.Hostname == hostname));
            if (machine is null)
            {
                throw LabApiException.Conflict(systemId is not null ? $"No machine with system ID {systemId} available." : "No machine available.");
            }
            SetStatus(machine, NodeStatus.Allocated, "");
            machine.Owner = _cloud.AdminUser;
            machine.ConstraintsByType = true;
            _cloud.Record("maas", $"allocate {machine.Hostname} ({machine.SystemId})");
            return machine;
        }
    }

    public LabMachine Deploy(string systemId, string? distroSeries)
    {
        lock (_cloud.SyncRoot)
        {
            var machine = Get(systemId);
            if (machine.Status is not (NodeStatus.Ready or NodeStatus.Allocated))
                throw LabApiException.Conflict($"Can't deploy a machine that is in the '{machine.Status.Label()}' state");
            if (!machine.Interfaces.Any(i => i.Links.Any(l => l.Mode != LinkMode.LinkUp && l.Subnet is not null)))
                throw LabApiException.Invalid("network", "Node must be configured to use a network");
            machine.Owner = _cloud.AdminUser;
            SetStatus(machine, NodeStatus.Deploying, "Deploying");
            _cloud.Pods.SetPower(machine, "on");
            machine.OSystem = "ubuntu";
            machine.DistroSeries = string.IsNullOrEmpty(distroSeries) ? "jammy" : distroSeries;
            foreach (var link in machine.Interfaces.SelectMany(i => i.Links).Where(l => l.Mode == LinkMode.Auto && l.Subnet is not null))
            {
                link.IpAddress ??= _cloud.Networks.NextFreeAddress(link.Subnet!);
            }
            Schedule(machine, TransitionKind.FinishDeploying, _cloud.Timings.Deploying);
            _cloud.Record("maas", $"deploy {machine.Hostname} ({machine.SystemId})");
            return machine;
        }
    }

    public LabMachine Abort(string systemId)
    {
        lock (_cloud.SyncRoot)
        {
            var machine = Get(systemId);
            var next = machine.Status switch
            {
                NodeStatus.Commissioning => NodeStatus.New,
                NodeStatus.Deploying => NodeStatus.Allocated,
                NodeStatus.DiskErasing => NodeStatus.FailedDiskErasing,
                _ => throw LabApiException.Conflict(
                    $"Cannot abort in current state: node {machine.SystemId} is in state {machine.Status.Label()}."),
            };
            SetStatus(machine, next, "");
            machine.Pending = null;
            _cloud.Pods.SetPower(machine, "off");
            if (machine.Status == NodeStatus.New) machine.Owner = null;
            _cloud.Record("maas", $"abort {machine.Hostname} ({machine.SystemId}) -> {machine.Status.Label()}");
            return machine;
        }
    }

    public LabMachine PowerOn(string systemId)
    {
        lock (_cloud.SyncRoot)
        {
            var machine = Get(systemId);
            if (machine.Owner is null) throw LabApiException.Conflict("Can't start node: it hasn't been allocated.");
            _cloud.Pods.SetPower(machine, "on");
            _cloud.Record("maas", $"power on {machine.Hostname} ({machine.SystemId})");
            return machine;
        }
    }

    public LabMachine PowerOff(string systemId)
    {
        lock (_cloud.SyncRoot)
        {
            var machine = Get(systemId);
            _cloud.Pods.SetPower(machine, "off");
            _cloud.Record("maas", $"power off {machine.Hostname} ({machine.SystemId})");
            return machine;
        }
    }

    /// <summary>A releasable machine is released first, then Broken with the comment as its error (models/node.py mark_broken).</summary>
    public LabMachine MarkBroken(string systemId, string? comment)
    {
        lock (_cloud.SyncRoot)
        {
            var machine = Get(systemId);
            if (Releasable.Contains(machine.Status))
            {
                SetStatus(machine, NodeStatus.Releasing, "Releasing");
                _cloud.Pods.SetPower(machine, "off");
            }
            machine.Pending = null;
            SetStatus(machine, NodeStatus.Broken, "");
            machine.ErrorDescription = comment ?? "";
            _cloud.Record("maas", $"mark broken {machine.Hostname} ({machine.SystemId})");
            return machine;
        }
    }

    /// <summary>Back to Ready, or Deployed when it broke while Deployed (models/node.py mark_fixed).</summary>
    public LabMachine MarkFixed(string systemId)
    {
        lock (_cloud.SyncRoot)
        {
            var machine = Get(systemId);
            if (machine.Status != NodeStatus.Broken) throw LabApiException.Conflict("Can't mark a non-broken node as 'Ready'.");
            SetStatus(machine, machine.PreviousStatus == NodeStatus.Deployed ? NodeStatus.Deployed : NodeStatus.Ready, "");
            machine.ErrorDescription = "";
            machine.OSystem = "";
            machine.DistroSeries = "";
            _cloud.Record("maas", $"mark fixed {machine.Hostname} ({machine.SystemId}) -> {machine.Status.Label()}");
            return machine;
        }
    }

    /// <summary>
    /// models/node.py start_commissioning: Commissioning at once; the power-on runs after the request (post_commit), so
    /// a BMC MAAS cannot drive shows only later, when the commissioning is aborted (<see cref="AbortUnpowered"/>).
    /// </summary>
    private void StartCommissioning(LabMachine machine, DateTimeOffset? at = null)
    {
        var since = at ?? _cloud.Time.GetUtcNow();
        foreach (var nic in machine.Interfaces) nic.Links.Clear();
        SetStatus(machine, NodeStatus.Commissioning, $"From '{machine.Status.Label()}' to 'Commissioning'", since);
        machine.Owner = _cloud.AdminUser;
        _cloud.Record("maas", $"commission {machine.Hostname} ({machine.SystemId})");
        if (_cloud.Pods.PowerFault(machine) is not null)
        {
            machine.Pending = new PendingTransition(TransitionKind.AbortUnpowered, since + _cloud.Timings.PowerAttempt);
            return;
        }
        _cloud.Pods.SetPower(machine, "on");
        machine.Pending = new PendingTransition(TransitionKind.FinishCommissioning, since + _cloud.Timings.Commissioning);
    }

    /// <summary>
    /// The power-on failed: models/node.py _start_bmc_unavailable reverts the machine to the status it had, with a
    /// NODE_POWER_QUERY_FAILED event that becomes its status message (status_message: "type - description"); the
    /// rack's power query then reports the BMC's error (provisioningserver/rpc/power.py power_query_failure).
    /// </summary>
    private void AbortUnpowered(LabMachine machine)
    {
        var from = machine.Status;
        var back = machine.PreviousStatus;
        SetStatus(machine, back, $"Failed to query node's BMC - ({_cloud.AdminUser}) - Aborting {from.ConstantName()} and reverting to " +
            $"{back.ConstantName()}. Unable to power control the node. Please check power credentials.");
        machine.PowerState = "error";
        _cloud.Record("maas", $"{machine.Hostname} ({machine.SystemId}): power on failed ({_cloud.Pods.PowerFault(machine)}), back to {back.Label()}");
    }

    private void StartReleasing(LabMachine machine, bool erase)
    {
        _cloud.Devices.DeleteChildrenOf(machine);
        machine.OSystem = "";
        machine.DistroSeries = "";
        machine.ConstraintsByType = false;
        foreach (var link in machine.Interfaces.SelectMany(i => i.Links).Where(l => l.Mode == LinkMode.Auto)) link.IpAddress = null;
        if (erase)
        {
            SetStatus(machine, NodeStatus.DiskErasing, "Disk erasing");
            _cloud.Pods.SetPower(machine, "on");
            Schedule(machine, TransitionKind.FinishDiskErasing, _cloud.Timings.DiskErasing);
            _cloud.Record("maas", $"release {machine.Hostname} ({machine.SystemId}) with disk erasing");
            return;
        }
        SetStatus(machine, NodeStatus.Releasing, "Releasing");
        _cloud.Record("maas", $"release {machine.Hostname} ({machine.SystemId})");
        // MAAS finalises at once when the machine is off or its power cannot be queried (manual).
        if (machine.PowerState != "on") Finish(machine, new PendingTransition(TransitionKind.FinishReleasing, _cloud.Time.GetUtcNow()));
        else Schedule(machine, TransitionKind.FinishReleasing, _cloud.Timings.Releasing);
    }

    /// <summary>Completes a transition as of its due time, so a following one (testing) runs from then, not from when the lab noticed.</summary>
    private void Finish(LabMachine machine, PendingTransition transition)
    {
        var at = transition.Due;
        switch (transition.Kind)
        {
            case TransitionKind.StartCommissioning:
                StartCommissioning(machine, at);
                return;
            case TransitionKind.AbortUnpowered:
                AbortUnpowered(machine);
                return;
            case TransitionKind.FinishCommissioning when _cloud.Faults.FailCommissioning.Contains(machine.Hostname):
                // Links stay cleared: MAAS resets networking only after commissioning succeeds.
                SetStatus(machine, NodeStatus.FailedCommissioning, "Failed commissioning");
                _cloud.Pods.SetPower(machine, "off");
                _cloud.Record(LabFaults.EventSource, $"commissioning of {machine.Hostname} ({machine.SystemId}) failed");
                break;
            case TransitionKind.FinishCommissioning:
                _cloud.Pods.AddReportedNics(machine);
                _cloud.Pods.ObserveHardware(machine);
                machine.Commissioned = true;
                _commissioning.DiscoverNetworks(machine, _cloud.Pods.ObservedNics(machine));
                SetStatus(machine, NodeStatus.Testing, "Testing", at);
                machine.Pending = new PendingTransition(TransitionKind.FinishTesting, at + _cloud.Timings.Testing);
                break;
            case TransitionKind.FinishTesting when _cloud.Faults.FailTesting.Contains(machine.Hostname):
                // metadataserver/api.py _process_testing: a FAILED signal of a test script is Failed testing; the
                // commissioning results (names, VLANs, links) stand and MAAS keeps the owner and power as they are.
                SetStatus(machine, NodeStatus.FailedTesting, "Failed testing");
                _cloud.Record(LabFaults.EventSource, $"testing of {machine.Hostname} ({machine.SystemId}) failed");
                break;
            case TransitionKind.FinishTesting:
                SetStatus(machine, NodeStatus.Ready, "Ready");
                machine.Owner = null;
                _cloud.Pods.SetPower(machine, "off");
                break;
            case TransitionKind.FinishDeploying:
                SetStatus(machine, NodeStatus.Deployed, "Deployed");
                break;
            case TransitionKind.FinishDiskErasing:
            case TransitionKind.FinishReleasing:
                FinalizeRelease(machine);
                if (machine.Dynamic) return;
                break;
            case TransitionKind.FinishDecomposing:
                Remove(machine);
                _cloud.Pods.Decompose(machine);
                return;
        }
        _cloud.Record("maas", $"{machine.Hostname} ({machine.SystemId}) is {machine.Status.Label()}");
    }

    /// <summary>models/node.py _finalize_release: a dynamic machine is deleted from MAAS, any other is Ready (New if never commissioned).</summary>
    private void FinalizeRelease(LabMachine machine)
    {
        _cloud.Pods.SetPower(machine, "off");
        if (machine.Dynamic)
        {
            Remove(machine);
            _cloud.Pods.ReleasedDynamic(machine);
            return;
        }
        SetStatus(machine, machine.Commissioned ? NodeStatus.Ready : NodeStatus.New, "Released");
        machine.Owner = null;
    }

    private void SetStatus(LabMachine machine, NodeStatus status, string message, DateTimeOffset? since = null)
    {
        machine.PreviousStatus = machine.Status;
        machine.Status = status;
        machine.StatusMessage = message;
        machine.StatusSince = since ?? _cloud.Time.GetUtcNow();
        machine.StuckReported = false;
    }

    private void Schedule(LabMachine machine, TransitionKind kind, TimeSpan after) =>
        machine.Pending = new PendingTransition(kind, _cloud.Time.GetUtcNow() + after);

    private void Remove(LabMachine machine)
    {
        _cloud.Devices.DeleteChildrenOf(machine);
        _machines.Remove(machine);
        machine.Pending = null;
    }
}
